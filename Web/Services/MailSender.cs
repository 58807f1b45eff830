using Blog.Web.Configuration;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Blog.Web.Services;

public sealed record OutgoingMail(string To, string Subject, string TextBody, string HtmlBody);

/// <summary>Two real implementations: SMTP in production, .eml files where no SMTP server is configured.</summary>
public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}

internal static class MimeMessages
{
    public static MimeMessage Build(MailOptions options, OutgoingMail mail)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.FromName, options.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.Body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody }.ToMessageBody();
        return message;
    }
}

public sealed class SmtpMailSender(IOptions<MailOptions> options) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var client = new SmtpClient();
        var security = settings.SmtpPort == 465 ? SecureSocketOptions.SslOnConnect
            : settings.SmtpStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None;
        await client.ConnectAsync(settings.SmtpHost!, settings.SmtpPort, security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.SmtpUser))
        {
            await client.AuthenticateAsync(settings.SmtpUser, settings.SmtpPassword ?? "", cancellationToken);
        }

        await client.SendAsync(MimeMessages.Build(settings, mail), cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}

/// <summary>Writes each message as an .eml file, so a fresh install works and tests can read the mail.</summary>
public sealed class PickupDirectoryMailSender(IOptions<MailOptions> options, IHostEnvironment environment, TimeProvider clock)
    : IMailSender
{
    public string Directory => System.IO.Path.Combine(environment.ContentRootPath, options.Value.PickupDirectory);

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var name = $"{clock.GetUtcNow():yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.eml";
        var message = MimeMessages.Build(options.Value, mail);
        message.Date = clock.GetUtcNow();
        await message.WriteToAsync(System.IO.Path.Combine(Directory, name), cancellationToken);
    }
}
