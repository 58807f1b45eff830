using Blog.Web.Configuration;
using Blog.Web.Domain;
using Blog.Web.Domain.Legal;
using Microsoft.Extensions.Options;

namespace Blog.Web.Services.Legal;

/// <summary>
/// The messages a complaint sends. Each is written into the complaint's timeline as an event holding exactly what is
/// sent (to, subject, body), in the same save as the step that sends it; the mail itself goes once that save has
/// succeeded (<see cref="SendQueuedAsync"/>), so nothing is sent for a step that did not happen. A failed send is
/// logged; the copy stays on record.
/// </summary>
public sealed class ComplaintMail(IMailSender mail, IOptions<SiteOptions> site, ILogger<ComplaintMail> logger)
{
    private readonly List<OutgoingMail> queued = [];

    public static string AuthorLink(string reference) => $"/account/complaints/{reference}";

    public string Link(string localPath) => site.Value.Link(localPath);

    /// <summary>Records a step without a message.</summary>
    public static void Note(Complaint complaint, ComplaintEventKind kind, DateTimeOffset at, string? actorId, string note) =>
        complaint.Events.Add(new ComplaintEvent { Kind = kind, At = at, ActorId = actorId, Note = TextLimits.Clip(note, 2000) });

    /// <summary>Records a message as a step and queues it to be sent after the save.</summary>
    public void Queue(Complaint complaint, ComplaintEventKind kind, DateTimeOffset at, string? actorId, string to, string subject, string text, string note = "")
    {
        complaint.Events.Add(new ComplaintEvent
        {
            Kind = kind, At = at, ActorId = actorId, Note = TextLimits.Clip(note, 2000), MessageTo = to, MessageSubject = TextLimits.Clip(subject, 300),
            MessageBody = TextLimits.Clip(text, 20_000),
        });
        queued.Add(new OutgoingMail(to, subject, text, Statements.MailHtml(text)));
    }

    /// <summary>Forgets what was queued (the save that would have recorded it failed).</summary>
    public void Discard() => queued.Clear();

    public async Task SendQueuedAsync(CancellationToken cancellationToken)
    {
        var sending = queued.ToList();
        queued.Clear();
        foreach (var message in sending)
        {
            try
            {
                await mail.SendAsync(message, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "A complaint message ({Subject}) could not be sent; its copy is on the complaint's record.", message.Subject);
            }
        }
    }

    /// <summary>
    /// The complaint as its author may read it: the complainant's identity only when they agreed, and otherwise their
    /// name and email struck out of their own words too.
    /// </summary>
    public static string Redact(Complaint complaint, string text)
    {
        if (complaint.IdentityMayBeShared)
        {
            return text;
        }

        foreach (var secret in new[] { complaint.ComplainantEmail, complaint.ComplainantName, complaint.ComplainantPhone }.Where(s => s.Trim().Length >= 3))
        {
            text = text.Replace(secret.Trim(), "[withheld]", StringComparison.OrdinalIgnoreCase);
        }

        return text;
    }

    public static string ComplainantForAuthor(Complaint complaint) => complaint.IdentityMayBeShared
        ? $"{complaint.ComplainantName} ({complaint.ComplainantEmail})"
        : "The complainant asked that their identity be withheld from you.";
}
