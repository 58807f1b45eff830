using System.Security.Cryptography;
using Blog.Web.Configuration;
using Blog.Web.Data;
using Blog.Web.Domain;
using Blog.Web.Domain.Legal;
using Blog.Web.Services.Moderation;
using Blog.Web.Services.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Blog.Web.Services.Legal;

/// <summary>The comment a complaint is about, as the form names it.</summary>
public sealed record ComplaintTarget(long CommentId, string ArticleTitle, string ArticleSlug, string AuthorName, DateTimeOffset WrittenAt, string AuthorId);

/// <summary>A complaint with what its pages show beside it.</summary>
public sealed record ComplaintView(Complaint Complaint, ComplaintRegime Regime, string CommentBody, string AuthorName, string ArticleTitle, string ArticleSlug, IReadOnlyList<ComplaintEvent> Events);

public sealed record LegalQueueLine(long Id, string Reference, string RegimeName, ComplaintGround Ground, ComplaintStage Stage, DateTimeOffset ReceivedAt,
    DateTimeOffset Deadline, string AuthorName, string ArticleTitle);

/// <summary>
/// Statutory complaints about comments (LEGAL.md): filing, the author's answer, and what legal staff see and record.
/// The clock's side is <see cref="ComplaintDeadlines"/>; the steps both share are <see cref="ComplaintSteps"/>.
/// </summary>
public sealed class ComplaintService(BlogDbContext db, ComplaintSteps steps, ComplaintMail mail, IOptions<LegalOptions> legal, TimeProvider clock, ILogger<ComplaintService> logger)
{
    public IReadOnlyList<ComplaintRegime> Regimes => legal.Value.All;

    /// <summary>A comment that can be complained about: shown, on a live article.</summary>
    public Task<ComplaintTarget?> TargetAsync(long commentId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.Comments.AsNoTracking()
            .Where(c => c.Id == commentId && (c.Status == CommentStatus.Published || c.Status == CommentStatus.Approved))
            .Where(c => c.Article!.Status == ArticleStatus.Published || c.Article.Status == ArticleStatus.Scheduled && c.Article.PublishedAt <= now)
            .Select(c => new ComplaintTarget(c.Id, c.Article!.Title, c.Article.Slug, c.Author!.DisplayName, c.CreatedAt, c.AuthorId))
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<FilingResult> FileAsync(long commentId, ComplaintForm form, string? userId, CancellationToken cancellationToken)
    {
        var target = await TargetAsync(commentId, cancellationToken);
        var regime = legal.Value.Find(form.RegimeKey);
        var errors = ComplaintFormCheck.Problems(form, regime, target is not null);
        if (errors.Count > 0)
        {
            return new FilingResult(null, errors);
        }

        var now = clock.GetUtcNow();
        var comment = await db.Comments.FirstAsync(c => c.Id == commentId, cancellationToken);
        var complaint = new Complaint
        {
            Reference = NewReference(), CommentId = commentId, AuthorId = comment.AuthorId, RegimeKey = regime!.Key, Ground = form.Ground,
            ComplainantName = form.Name.Trim(), ComplainantEmail = form.Email.Trim(), ComplainantPhone = form.Phone.Trim(), ComplainantAddress = form.Address.Trim(),
            ComplainantUserId = userId, WhatIsWrong = form.WhatIsWrong.Trim(), Why = form.Why.Trim(), IdentityMayBeShared = form.IdentityMayBeShared,
            ReceivedAt = now, Stage = ComplaintStage.Received, Deadline = regime.NotifyBy(now),
        };
        complaint.DueAt = complaint.Deadline;
        db.Complaints.Add(complaint);
        // Under a complaint, staff do not endorse the comment (Fairfax Media v Voller [2021] HCA 27).
        comment.IsFeatured = false;
        ComplaintMail.Note(complaint, ComplaintEventKind.Received, now, userId, $"Under {regime.Name}: {form.Ground.Describe()}.");
        mail.Queue(complaint, ComplaintEventKind.Acknowledged, now, null, complaint.ComplainantEmail, $"We received your complaint ({complaint.Reference})",
            $"Thank you. Your complaint about a comment on “{target!.ArticleTitle}” is received, with the reference {complaint.Reference}.\n"
            + $"It is handled under {regime.Name} ({regime.Law}). {regime.Summary}\n"
            + (complaint.IdentityMayBeShared ? "You agreed that the author may see who complained.\n" : "Your identity will not be shown to the author.\n")
            + "We will tell you the outcome. Quote the reference if you write to us about it.\n");
        await db.SaveChangesAsync(cancellationToken);
        await steps.AfterSaveAsync(cancellationToken);

        // Then the first steps, saved on their own: were this save lost, the deadline's job takes them instead.
        await steps.BeginAsync(complaint, comment, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await steps.AfterSaveAsync(cancellationToken);
        logger.LogInformation("Complaint {Reference} about comment {CommentId} received under {Regime}.", complaint.Reference, commentId, regime.Key);
        return new FilingResult(complaint.Reference, new Dictionary<string, string>());
    }

    /// <summary>A complaint about one of this author's comments, found by its reference.</summary>
    public async Task<ComplaintView?> ForAuthorAsync(string reference, string authorId, CancellationToken cancellationToken) =>
        (reference = Normal(reference)).Length > 0 && await db.Complaints.AsNoTracking().AnyAsync(c => c.Reference == reference && c.AuthorId == authorId, cancellationToken)
            ? await ViewAsync(db.Complaints.Where(c => c.Reference == reference), cancellationToken)
            : null;

    public Task<List<LegalQueueLine>> AboutAuthorAsync(string authorId, CancellationToken cancellationToken) =>
        LinesAsync(db.Complaints.Where(c => c.AuthorId == authorId && c.AuthorNotifiedAt != null).OrderByDescending(c => c.ReceivedAt).Take(100), cancellationToken);

    /// <summary>The author agrees to removal, or sends a counter-notice, before the deadline.</summary>
    public async Task<ModerationResult> AnswerAsync(string reference, string authorId, ComplaintAnswer answer, string counterNotice, bool declared, CancellationToken cancellationToken)
    {
        reference = Normal(reference);
        var complaint = await db.Complaints.Include(c => c.Comment).FirstOrDefaultAsync(c => c.Reference == reference && c.AuthorId == authorId, cancellationToken);
        var now = clock.GetUtcNow();
        if (complaint is null)
        {
            return ModerationResult.Refused("That complaint is not about one of your comments.");
        }

        if (complaint.Stage != ComplaintStage.AwaitingAnswer || now > complaint.Deadline)
        {
            return ModerationResult.Refused("This complaint no longer waits for your answer.");
        }

        if (answer == ComplaintAnswer.CounterNotice && (string.IsNullOrWhiteSpace(counterNotice) || !declared))
        {
            return ModerationResult.Refused(string.IsNullOrWhiteSpace(counterNotice)
                ? "Say why the comment should stay: the complainant is sent your counter-notice."
                : "Tick the declaration to send a counter-notice.");
        }

        if (TextLimits.TooLong(counterNotice, TextLimits.ComplaintText, "Your counter-notice") is { } tooLong)
        {
            return ModerationResult.Refused(tooLong);
        }

        var regime = steps.RegimeOf(complaint);
        complaint.Answered(answer, answer == ComplaintAnswer.CounterNotice ? counterNotice : "", now);
        string message;
        if (answer == ComplaintAnswer.Consent)
        {
            ComplaintMail.Note(complaint, ComplaintEventKind.Consented, now, authorId, "The author agreed to the comment's removal.");
            steps.TakeDown(complaint, complaint.Comment!, now, null, automated: false, "Its author agreed to its removal.");
            steps.Close(complaint, ComplaintOutcome.RemovedWithConsent, now, authorId);
            message = "The comment is removed, and the complainant is told.";
        }
        else
        {
            ComplaintMail.Note(complaint, ComplaintEventKind.CounterNoticed, now, authorId, complaint.CounterNotice);
            if (regime.OnCounterNotice == CounterNoticeOutcome.KeepUp)
            {
                steps.Close(complaint, ComplaintOutcome.KeptUpOnCounterNotice, now, authorId);
                message = "Your counter-notice is sent to the complainant; the comment stays up.";
            }
            else
            {
                complaint.AwaitRestore(regime.RestoreAt(now));
                mail.Queue(complaint, ComplaintEventKind.ComplainantTold, now, authorId, complaint.ComplainantEmail, $"A counter-notice on your complaint ({complaint.Reference})",
                    $"The author of the comment sent a counter-notice: {complaint.CounterNotice}\n"
                    + $"Under {regime.Law}, the comment comes back on {complaint.Deadline.UtcDateTime:d MMMM yyyy, HH:mm} UTC unless you tell us before then, quoting {complaint.Reference}, that you have filed a court action.\n");
                message = "Your counter-notice is sent to the complainant. Unless they report a court action, the comment comes back after the waiting period.";
            }
        }

        return await SaveAsync(message, cancellationToken);
    }

    // ---------- legal staff ----------

    /// <summary>Open complaints, overdue first, then by the time left.</summary>
    public Task<List<LegalQueueLine>> QueueAsync(CancellationToken cancellationToken) =>
        LinesAsync(db.Complaints.Where(Complaint.Open).OrderBy(c => c.Deadline).ThenBy(c => c.Id).Take(200), cancellationToken);

    public Task<List<LegalQueueLine>> RecentlyClosedAsync(CancellationToken cancellationToken) =>
        LinesAsync(db.Complaints.Where(c => c.Stage == ComplaintStage.Closed).OrderByDescending(c => c.ClosedAt).Take(20), cancellationToken);

    public Task<int> OpenCountAsync(CancellationToken cancellationToken) => db.Complaints.CountAsync(Complaint.Open, cancellationToken);

    public Task<ComplaintView?> DetailAsync(long id, CancellationToken cancellationToken) => ViewAsync(db.Complaints.Where(c => c.Id == id), cancellationToken);

    /// <summary>Legal staff read a withheld identity: the read goes on the complaint's record.</summary>
    public async Task RecordIdentityReadAsync(long id, string staffId, CancellationToken cancellationToken)
    {
        var complaint = await db.Complaints.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (complaint is null || complaint.IdentityMayBeShared)
        {
            return;
        }

        ComplaintMail.Note(complaint, ComplaintEventKind.IdentityRead, clock.GetUtcNow(), staffId, "The withheld identity of the complainant was read.");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The complainant reported a court action before the comment came back: it stays down.</summary>
    public async Task<ModerationResult> RecordCourtActionAsync(long id, string staffId, string note, CancellationToken cancellationToken)
    {
        var complaint = await db.Complaints.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (complaint?.Stage != ComplaintStage.AwaitingRestore)
        {
            return ModerationResult.Refused("Only a complaint waiting to restore a comment after a counter-notice can record a court action.");
        }

        if (string.IsNullOrWhiteSpace(note) || TextLimits.TooLong(note, 2000, "The note") is not null)
        {
            return ModerationResult.Refused("Say which court action was reported (the court and its number), in at most 2,000 characters.");
        }

        var now = clock.GetUtcNow();
        complaint.CourtActionReported(now);
        ComplaintMail.Note(complaint, ComplaintEventKind.CourtActionReported, now, staffId, note.Trim());
        steps.Close(complaint, ComplaintOutcome.KeptDownForCourtAction, now, staffId);
        return await SaveAsync("Recorded: the comment stays down, and the complainant is told.", cancellationToken);
    }

    private async Task<ModerationResult> SaveAsync(string message, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The deadline's job (or another request) acted on the complaint first.
            steps.Discard();
            return ModerationResult.Refused("The complaint changed while you were answering (its deadline may have passed): look at it again.");
        }

        await steps.AfterSaveAsync(cancellationToken);
        return ModerationResult.Ok(message);
    }

    private async Task<ComplaintView?> ViewAsync(IQueryable<Complaint> query, CancellationToken cancellationToken)
    {
        var found = await query.AsNoTracking()
            .Select(c => new { Complaint = c, c.Comment!.Body, Author = c.Comment.Author!.DisplayName, c.Comment.Article!.Title, c.Comment.Article.Slug })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var events = await db.ComplaintEvents.AsNoTracking().Where(e => e.ComplaintId == found.Complaint.Id).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        return new ComplaintView(found.Complaint, steps.RegimeOf(found.Complaint), found.Body, found.Author, found.Title, found.Slug, events);
    }

    private async Task<List<LegalQueueLine>> LinesAsync(IQueryable<Complaint> query, CancellationToken cancellationToken)
    {
        var lines = await query.AsNoTracking().Select(c => new LegalQueueLine(c.Id, c.Reference, c.RegimeKey, c.Ground, c.Stage, c.ReceivedAt, c.Deadline,
            c.Comment!.Author!.DisplayName, c.Comment.Article!.Title)).ToListAsync(cancellationToken);
        // The query carries the regime's key; the line shows its name.
        return lines.Select(l => l with { RegimeName = legal.Value.Find(l.RegimeName)?.Name ?? l.RegimeName }).ToList();
    }

    /// <summary>A reference as typed or linked (a link may have been lowercased): trimmed, in capitals.</summary>
    private static string Normal(string? reference) => (reference ?? "").Trim().ToUpperInvariant();

    /// <summary>"LC-" and ten characters from an alphabet without look-alikes: unguessable, and easy to read out.</summary>
    private static string NewReference() => "LC-" + RandomNumberGenerator.GetString("23456789ABCDEFGHJKLMNPQRSTUVWXYZ", 10);
}
