using Blog.Web.Configuration;
using Blog.Web.Data;
using Blog.Web.Domain;
using Blog.Web.Domain.Legal;
using Blog.Web.Domain.Moderation;
using Blog.Web.Services.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Blog.Web.Services.Legal;

/// <summary>
/// The steps of a complaint that both a person (the author answering) and the clock (<see cref="ComplaintDeadlines"/>)
/// take: telling the author, taking the comment down, bringing it back, closing and telling the complainant. Each
/// step changes tracked entities and queues its messages; the caller saves once, then calls <see cref="AfterSaveAsync"/>.
/// </summary>
public sealed class ComplaintSteps(BlogDbContext db, ComplaintMail mail, Statements statements, IOptions<LegalOptions> legal, SiteSettingsStore settings)
{
    private readonly List<StatementOfReasons> issued = [];

    public ComplaintRegime RegimeOf(Complaint complaint) => legal.Value.Find(complaint.RegimeKey) ?? legal.Value.Default;

    /// <summary>
    /// What follows receipt: a regime that takes down on notice does so, and the author is sent the complaint when
    /// they can be reached (otherwise the job tries again until the notice deadline).
    /// </summary>
    public async Task BeginAsync(Complaint complaint, Comment comment, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var regime = RegimeOf(complaint);
        if (regime.RemoveOnReceipt)
        {
            TakeDown(complaint, comment, now, null, automated: true, $"Taken down on receipt of the notice, as {regime.Law} provides.");
        }

        await NotifyAuthorAsync(complaint, comment, now, cancellationToken);
    }

    /// <summary>Sends the author the complaint, or records that they cannot be reached (no confirmed address).</summary>
    public async Task NotifyAuthorAsync(Complaint complaint, Comment comment, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var author = await db.Users.AsNoTracking().Where(u => u.Id == complaint.AuthorId)
            .Select(u => new { u.Email, u.EmailConfirmed, u.DisplayName }).FirstOrDefaultAsync(cancellationToken);
        if (author is not { EmailConfirmed: true, Email: { Length: > 0 } email })
        {
            var first = complaint.Stage == ComplaintStage.Received;
            complaint.AuthorCouldNotBeReached(now);
            if (first)
            {
                ComplaintMail.Note(complaint, ComplaintEventKind.AuthorUnreachable, now, null,
                    "The author has no confirmed email address. Unless they can be reached, the comment comes down at the notice deadline.");
            }

            return;
        }

        var regime = RegimeOf(complaint);
        complaint.AuthorWasNotified(regime, now);
        var time = (await settings.CurrentAsync(cancellationToken)).Time;
        var text = $"Dear {author.DisplayName},\n\n"
            + $"We have received a complaint about your comment, under {regime.Name}. Its reference is {complaint.Reference}.\n\n"
            + $"Your comment: {Excerpt(comment.Body)}\n"
            + $"The complaint: {complaint.Ground.Describe()}.\n"
            + $"What is said to be wrong: {ComplaintMail.Redact(complaint, complaint.WhatIsWrong)}\n"
            + $"Why: {ComplaintMail.Redact(complaint, complaint.Why)}\n"
            + $"Who complained: {ComplaintMail.ComplainantForAuthor(complaint)}\n\n"
            + $"You may agree to the comment's removal, or send a counter-notice saying why it should stay, until {time.LongText(complaint.Deadline)} "
            + $"({complaint.Deadline.UtcDateTime:d MMMM yyyy, HH:mm} UTC). {WithoutAnswer(regime)}\n\n"
            + $"Answer here: {mail.Link(ComplaintMail.AuthorLink(complaint.Reference))}\n";
        mail.Queue(complaint, ComplaintEventKind.AuthorNotified, now, null, email, $"A complaint about your comment ({complaint.Reference})", text);
    }

    /// <summary>Reminds the author once, before the deadline to answer.</summary>
    public async Task RemindAsync(Complaint complaint, DateTimeOffset now, CancellationToken cancellationToken)
    {
        complaint.WasReminded(now);
        var email = await statements.ConfirmedEmailAsync(complaint.AuthorId, cancellationToken);
        if (string.IsNullOrEmpty(email))
        {
            ComplaintMail.Note(complaint, ComplaintEventKind.Reminded, now, null, "No reminder sent: the author no longer has a confirmed email address.");
            return;
        }

        var time = (await settings.CurrentAsync(cancellationToken)).Time;
        var text = $"A reminder: the complaint {complaint.Reference} about your comment waits for your answer until {time.LongText(complaint.Deadline)}. "
            + $"{WithoutAnswer(RegimeOf(complaint))}\n\nAnswer here: {mail.Link(ComplaintMail.AuthorLink(complaint.Reference))}\n";
        mail.Queue(complaint, ComplaintEventKind.Reminded, now, null, email, $"Reminder: a complaint about your comment ({complaint.Reference})", text);
    }

    /// <summary>
    /// Takes the comment down under the complaint (once: a regime that removes on receipt has done it already), with
    /// its decision on the log and its statement of reasons for the author.
    /// </summary>
    public void TakeDown(Complaint complaint, Comment comment, DateTimeOffset now, string? actorId, bool automated, string facts)
    {
        if (complaint.RemovedAt is not null || comment.Status is not (CommentStatus.Pending or CommentStatus.Published or CommentStatus.Approved))
        {
            return;
        }

        var regime = RegimeOf(complaint);
        var from = comment.Status;
        comment.Remove("complaint", $"Removed after a complaint under {regime.Law}.");
        complaint.CommentRemoved(now);
        db.ModerationDecisions.Add(new ModerationDecision
        {
            Action = ModerationAction.RemovedOnComplaint, CommentId = comment.Id, ArticleId = comment.ArticleId, SubjectUserId = comment.AuthorId,
            ActorId = actorId, Rule = "complaint:" + regime.Key, FromStatus = from, ToStatus = comment.Status, ReasonCode = "complaint",
            Note = $"Complaint {complaint.Reference}: {facts}", CreatedAt = now,
        });
        issued.Add(statements.Add(new Restriction(comment.AuthorId, RestrictionKind.CommentRemoved,
            $"Your comment was the subject of a complaint ({complaint.Reference}: {complaint.Ground.Describe().ToLowerInvariant()}). {facts}",
            RestrictionSource.Notice, automated, regime.Key, $"{regime.Law}: {complaint.Ground.Describe()}", LegalGround: true, actorId,
            CommentId: comment.Id, ComplaintId: complaint.Id), now));
        ComplaintMail.Note(complaint, ComplaintEventKind.Removed, now, actorId, facts);
    }

    /// <summary>Brings the comment back after a counter-notice's waiting period.</summary>
    public void Restore(Complaint complaint, Comment comment, DateTimeOffset now)
    {
        if (comment.Status != CommentStatus.Removed)
        {
            return;
        }

        comment.Reinstate();
        db.ModerationDecisions.Add(new ModerationDecision
        {
            Action = ModerationAction.Reinstated, CommentId = comment.Id, ArticleId = comment.ArticleId, SubjectUserId = comment.AuthorId,
            Rule = "complaint:" + complaint.RegimeKey, FromStatus = CommentStatus.Removed, ToStatus = comment.Status, ReasonCode = "counter-notice",
            Note = $"Complaint {complaint.Reference}: the waiting period after the counter-notice ended with no court action reported.", CreatedAt = now,
        });
        ComplaintMail.Note(complaint, ComplaintEventKind.Restored, now, null, "The waiting period after the counter-notice ended with no court action reported.");
    }

    /// <summary>Closes the complaint and tells the complainant the outcome.</summary>
    public void Close(Complaint complaint, ComplaintOutcome outcome, DateTimeOffset now, string? actorId)
    {
        complaint.Close(outcome, now);
        var text = $"Your complaint {complaint.Reference} is closed: {outcome.Describe().ToLowerInvariant()}.\n"
            + (complaint.Answer == ComplaintAnswer.CounterNotice && complaint.CounterNotice.Length > 0 ? $"The author's counter-notice: {complaint.CounterNotice}\n" : "")
            + $"Under {RegimeOf(complaint).Name}, that ends what we do on it. If you want to take it further, quote the reference.\n";
        mail.Queue(complaint, ComplaintEventKind.ComplainantTold, now, actorId, complaint.ComplainantEmail, $"Your complaint {complaint.Reference}: {outcome.Describe()}", text);
        ComplaintMail.Note(complaint, ComplaintEventKind.Closed, now, actorId, outcome.Describe());
    }

    /// <summary>After the save: the statements issued and the messages recorded go out.</summary>
    public async Task AfterSaveAsync(CancellationToken cancellationToken)
    {
        foreach (var statement in issued)
        {
            await statements.SendAsync(statement, cancellationToken);
        }

        issued.Clear();
        await mail.SendQueuedAsync(cancellationToken);
    }

    /// <summary>The save failed (another instance acted first): nothing is sent.</summary>
    public void Discard()
    {
        issued.Clear();
        mail.Discard();
    }

    private static string WithoutAnswer(ComplaintRegime regime) => regime.RemoveOnReceipt
        ? "The comment is down while the complaint is open; with a counter-notice it comes back after a waiting period, unless the complainant goes to court."
        : "If you do not answer by then, the comment will be removed.";

    private static string Excerpt(string body) => body.Length <= 600 ? body : body[..600] + "…";
}
