using System.Text.RegularExpressions;
using MimeKit;

namespace Blog.Web.Tests.Support;

/// <summary>Reads the .eml files the site wrote, newest last.</summary>
public sealed partial class Mailbox(string directory)
{
    public IReadOnlyList<MimeMessage> All() =>
        System.IO.Directory.Exists(directory)
            ? System.IO.Directory.GetFiles(directory, "*.eml").Order(StringComparer.Ordinal).Select(path => MimeMessage.Load(path)).ToList()
            : [];

    public IReadOnlyList<MimeMessage> To(string address) =>
        All().Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>The first link in the newest message to <paramref name="address"/>, as a path and query.</summary>
    public string LatestLinkTo(string address)
    {
        var message = To(address).LastOrDefault() ?? throw new InvalidOperationException($"No mail to {address}.");
        var match = LinkPattern().Match(message.TextBody ?? "");
        if (!match.Success)
        {
            throw new InvalidOperationException($"No link in the mail to {address}: {message.TextBody}");
        }

        return new Uri(match.Value).PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
