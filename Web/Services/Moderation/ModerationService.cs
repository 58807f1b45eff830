using System.Globalization;
using Blog.Web.Configuration;
using Blog.Web.Data;
using Blog.Web.Domain;
using Blog.Web.Domain.Legal;
using Blog.Web.Services.Legal;
using Blog.Web.Domain.Moderation;
using Blog.Web.Infrastructure;
using Blog.Web.Infrastructure.Caching;
using Blog.Web.Services.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Blog.Web.Services.Moderation;

public enum Queue
{
    Pending,
    Reported,
    Unmoderated,
    Approved,
    Rejected,
}

public sealed record QueueFilter(Queue Queue, int? ArticleId = null, string? Reason = null, bool OldestFirst = false, string? After = null);

public sealed record ReportLine(ReportReason Reason, string Details, string ReporterName, DateTimeOffset CreatedAt);

public sealed record QueueItem(
    long Id,
    CommentStatus Status,
    string BodyHtml,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt,
    bool IsFeatured,
    string AuthorId,
    string AuthorName,
    int ArticleId,
    string ArticleTitle,
    string ArticleSlug,
    string? ParentExcerpt,
    string? ParentAuthor,
    string ModerationCode,
    string ModerationReason,
    DateTimeOffset? ReportSeenAt,
    IReadOnlyList<ReportLine> Reports,
    int AuthorVisibleCount,
    int AuthorRejectedCount,
    bool AuthorSanctioned)
{
    public int? SuppressionOrderId { get; init; }

    public string? SuppressionTerm { get; init; }

    /// <summary>For a possible suppression breach: the order and term that matched.</summary>
    public SuppressionMatch? Suppression { get; init; }
}

public sealed record SuppressionMatch(int OrderId, string Term, string CaseName, string ProtectedRole);

public sealed record QueuePage(QueueFilter Filter, IReadOnlyList<QueueItem> Items, string? NextCursor, IReadOnlyDictionary<Queue, int> Counts,
    IReadOnlyList<(int Id, string Title)> Articles, IReadOnlyList<string> Reasons);

public sealed record ModerationResult(bool Succeeded, string Message)
{
    public static ModerationResult Ok(string message) => new(true, message);

    public static ModerationResult Refused(string message) => new(false, message);
}

public sealed record DueOrder(int Id, string CaseName, string CaseSlug, string ProtectedRole, DateTimeOffset NextAppearance);

public sealed record DecisionLine(long Id, ModerationAction Action, long? CommentId, string? SubjectUserId, string? SubjectName, string? ActorName,
    string? Rule, CommentStatus? FromStatus, CommentStatus? ToStatus, string ReasonCode, string Note, DateTimeOffset CreatedAt);

public sealed record DecisionFilter(ModerationAction? Action = null, long? CommentId = null, string? UserId = null, bool AutomaticOnly = false, long? Before = null);

public sealed record UserHistory(
    string UserId,
    string DisplayName,
    string? Email,
    DateTimeOffset JoinedAt,
    IReadOnlyList<(long Id, CommentStatus Status, string Excerpt, string ArticleTitle, DateTimeOffset CreatedAt)> Comments,
    IReadOnlyList<(long CommentId, ReportReason Reason, string Details, DateTimeOffset CreatedAt, bool Open)> ReportsBy,
    IReadOnlyList<(long CommentId, ReportReason Reason, string ReporterName, DateTimeOffset CreatedAt, bool Open)> ReportsAbout,
    IReadOnlyList<UserSanction> Sanctions,
    IReadOnlyList<DecisionLine> Decisions);

/// <summary>
/// Editors' work on comments and commenters: the queues, the decisions, reports, sanctions, word lists and
/// suppression orders. Every status change goes through a Comment method and appends a ModerationDecision.
/// </summary>
public sealed class ModerationService(BlogDbContext db, SiteSettingsStore settings, SiteCache cache, Statements statements, TimeProvider clock, ILogger<ModerationService> logger)
{
    public const int PageSize = 25;

    // ---------- queues ----------

    public IQueryable<Comment> InQueue(Queue queue) => queue switch
    {
        Queue.Pending => db.Comments.Where(c => c.Status == CommentStatus.Pending),
        // Driven from the open reports (a few hundred rows, indexed), not from every visible comment.
        Queue.Reported => db.Comments.Where(CommentStatusRules.Visible)
            .Where(c => db.CommentReports.Where(r => r.ResolvedAt == null).Select(r => r.CommentId).Contains(c.Id)),
        Queue.Unmoderated => db.Comments.Where(c => c.Status == CommentStatus.Published),
        Queue.Approved => db.Comments.Where(c => c.Status == CommentStatus.Approved),
        _ => db.Comments.Where(c => c.Status == CommentStatus.Rejected),
    };

    /// <summary>
    /// The queue sizes in the navigation. Counting a hundred thousand unreviewed comments costs milliseconds, so the
    /// counts are kept for a few seconds under <see cref="CacheTags.Moderation"/>; any comment, report or decision
    /// refreshes them.
    /// </summary>
    public async Task<IReadOnlyDictionary<Queue, int>> CountsAsync(CancellationToken cancellationToken) =>
        await cache.GetOrLoadAsync<IReadOnlyDictionary<Queue, int>>("moderation:counts", [CacheTags.Moderation], async token =>
        {
            var counts = new Dictionary<Queue, int>();
            foreach (var queue in Enum.GetValues<Queue>())
            {
                counts[queue] = await InQueue(queue).CountAsync(token);
            }

            return counts;
        }, cancellationToken, lifetime: QueueLifetime);

    /// <summary>
    /// A page of a queue with keyset paging on (CreatedAt, Id): the cursor is the last item seen, so the cost does
    /// not grow with how deep the moderator has paged or how many comments exist.
    /// </summary>
    public async Task<QueuePage> QueueAsync(QueueFilter filter, CancellationToken cancellationToken)
    {
        // The same page for every moderator until something changes: kept under the moderation tag, which every
        // comment, report, decision and sanction evicts, for a few seconds at most.
        var now = clock.GetUtcNow();
        var items = await cache.GetOrLoadAsync($"moderation:queue:{filter}", [CacheTags.Moderation],
            token => LoadQueueAsync(filter, now, token), cancellationToken, lifetime: QueueLifetime,
            size: list => 1024 + list.Sum(i => 1024L + 2L * i.BodyHtml.Length));

        var next = items.Count > PageSize ? Cursor(items[PageSize - 1]) : null;
        // The filter choices, under the same tag: a comment held a moment ago brings its article and reason with it.
        var articles = await cache.GetOrLoadAsync("moderation:articles", [CacheTags.Moderation], async token =>
            (await db.Articles.AsNoTracking().Where(a => db.Comments.Any(c => c.ArticleId == a.Id))
                .OrderByDescending(a => a.PublishedAt).Take(100).Select(a => new { a.Id, a.Title }).ToListAsync(token))
                .Select(a => (a.Id, a.Title)).ToList(), cancellationToken, lifetime: QueueLifetime);
        var reasons = await cache.GetOrLoadAsync($"moderation:reasons:{filter.Queue}", [CacheTags.Moderation], token =>
            InQueue(filter.Queue).Where(c => c.ModerationCode != "" && c.ModerationCode != "published")
                .Select(c => c.ModerationCode).Distinct().OrderBy(c => c).ToListAsync(token), cancellationToken, lifetime: QueueLifetime);
        return new QueuePage(filter, items.Take(PageSize).ToList(), next, await CountsAsync(cancellationToken), articles, reasons);
    }

    private static readonly TimeSpan QueueLifetime = TimeSpan.FromSeconds(5);

    private async Task<List<QueueItem>> LoadQueueAsync(QueueFilter filter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var query = InQueue(filter.Queue).AsNoTracking();
        if (filter.ArticleId is { } articleId)
        {
            query = query.Where(c => c.ArticleId == articleId);
        }

        if (!string.IsNullOrEmpty(filter.Reason))
        {
            query = query.Where(c => c.ModerationCode == filter.Reason);
        }

        if (ParseCursor(filter.After) is var (ticks, id) && ticks > 0)
        {
            var at = new DateTimeOffset(ticks, TimeSpan.Zero);
            query = filter.OldestFirst
                ? query.Where(c => c.CreatedAt > at || (c.CreatedAt == at && c.Id > id))
                : query.Where(c => c.CreatedAt < at || (c.CreatedAt == at && c.Id < id));
        }

        query = filter.OldestFirst
            ? query.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            : query.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id);
        return await CompleteAsync(await Project(query.Take(PageSize + 1), now).ToListAsync(cancellationToken), cancellationToken);
    }

    public async Task<QueueItem?> ItemAsync(long id, CancellationToken cancellationToken) =>
        (await CompleteAsync(await Project(db.Comments.AsNoTracking().Where(c => c.Id == id), clock.GetUtcNow()).ToListAsync(cancellationToken), cancellationToken))
        .FirstOrDefault();

    /// <summary>What a queue item shows beside the comment: its open reports, its author's record, the order it may breach.</summary>
    private async Task<List<QueueItem>> CompleteAsync(List<QueueItem> items, CancellationToken cancellationToken) =>
        await WithSuppressionAsync(await WithRecordsAsync(await WithReportsAsync(items, cancellationToken), cancellationToken), cancellationToken);

    /// <summary>
    /// A moderator opens a comment. If it has open reports, the first opening is recorded: from then on the site
    /// knows of it (Murray v Wishart [2014] NZCA 461).
    /// </summary>
    public async Task RecordOpenedAsync(long id, string moderatorId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var opened = await db.Comments
            .Where(c => c.Id == id && c.ReportSeenAt == null && db.CommentReports.Any(r => r.CommentId == c.Id && r.ResolvedAt == null))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ReportSeenAt, now), cancellationToken);
        if (opened > 0)
        {
            var comment = await db.Comments.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.ArticleId, c.AuthorId, c.Status }).FirstAsync(cancellationToken);
            db.ModerationDecisions.Add(new ModerationDecision
            {
                Action = ModerationAction.ReportSeen, CommentId = id, ArticleId = comment.ArticleId, SubjectUserId = comment.AuthorId,
                ActorId = moderatorId, FromStatus = comment.Status, ToStatus = comment.Status, ReasonCode = "report-opened", CreatedAt = now,
            });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task<IReadOnlyList<DecisionLine>> DecisionsForCommentAsync(long id, CancellationToken cancellationToken) =>
        await Decisions(db.ModerationDecisions.Where(d => d.CommentId == id).OrderBy(d => d.Id)).ToListAsync(cancellationToken);

    // ---------- actions ----------

    public Task<ModerationResult> ApproveAsync(long id, string moderatorId, CancellationToken cancellationToken) =>
        ChangeAsync(id, moderatorId, ModerationAction.Approved, "approved", "", c => c.Approve(), "Approved.", cancellationToken);

    /// <summary>Keeps a reported comment up and clears its reports (the Reported queue's answer to "is this fine?").</summary>
    public Task<ModerationResult> KeepAsync(long id, string moderatorId, CancellationToken cancellationToken) =>
        ChangeAsync(id, moderatorId, ModerationAction.Kept, "kept", "", c => c.Keep(), "Kept up: its reports are cleared.", cancellationToken);

    /// <summary>Why a rejection with this ground and note would be refused, or null: asked before a bulk rejection is confirmed.</summary>
    public static ModerationResult? RejectionRefusal(string reasonCode, string note) =>
        !ModerationReasons.Rejection.ContainsKey(reasonCode)
            ? ModerationResult.Refused("Choose the ground for the rejection: a comment is never rejected without one.")
            : TextLimits.TooLong(note, TextLimits.ModeratorNote, "The note to the author") is { } tooLong ? ModerationResult.Refused(tooLong) : null;

    public Task<ModerationResult> RejectAsync(long id, string reasonCode, string note, string moderatorId, CancellationToken cancellationToken)
    {
        if (RejectionRefusal(reasonCode, note) is { } refusal)
        {
            return Task.FromResult(refusal);
        }

        note = note.Trim();
        return ChangeAsync(id, moderatorId, ModerationAction.Rejected, reasonCode, note,
            c => c.Reject(reasonCode, $"Removed by moderators: {ModerationReasons.Describe(reasonCode)}.", note), "Rejected.", cancellationToken,
            (c, reported) => Statements.ModeratorRejection(c, reasonCode, note, reported, moderatorId));
    }

    public Task<ModerationResult> RestoreAsync(long id, string moderatorId, CancellationToken cancellationToken) =>
        ChangeAsync(id, moderatorId, ModerationAction.Restored, "restored", "", c => c.Restore(), "Restored: the comment is visible again.", cancellationToken);

    public async Task<ModerationResult> FeatureAsync(long id, bool featured, string moderatorId, CancellationToken cancellationToken)
    {
        // A comment under a legal complaint cannot be endorsed by staff (Fairfax Media v Voller [2021] HCA 27).
        if (featured && await db.CommentReports.AnyAsync(r => r.CommentId == id && r.ResolvedAt == null && r.Reason == ReportReason.Defamation, cancellationToken))
        {
            return ModerationResult.Refused("This comment has an open defamation report: it cannot be featured until that is resolved.");
        }

        if (featured && await db.Complaints.Where(Complaint.Open).AnyAsync(c => c.CommentId == id, cancellationToken))
        {
            return ModerationResult.Refused("This comment is under an open legal complaint: it cannot be featured until the complaint is closed.");
        }

        return await ChangeAsync(id, moderatorId, featured ? ModerationAction.Featured : ModerationAction.Unfeatured, featured ? "featured" : "unfeatured", "",
            c => c.Feature(featured), featured ? "Featured as an editor's pick." : "No longer featured.", cancellationToken);
    }

    private async Task<ModerationResult> ChangeAsync(long id, string moderatorId, ModerationAction action, string reasonCode, string note,
        Action<Comment> change, string message, CancellationToken cancellationToken, Func<Comment, bool, Restriction>? restriction = null)
    {
        var comment = await db.Comments.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (comment is null)
        {
            return ModerationResult.Refused("That comment no longer exists.");
        }

        var from = comment.Status;
        try
        {
            change(comment);
        }
        catch (InvalidOperationException ex)
        {
            return ModerationResult.Refused(ex.Message);
        }

        var now = clock.GetUtcNow();
        // The restriction's statement of reasons, issued in the same save (a report open until now makes it one on notice).
        var statement = restriction is null
            ? null
            : statements.Add(restriction(comment, await db.CommentReports.AnyAsync(r => r.CommentId == id && r.ResolvedAt == null, cancellationToken)), now);
        if (action is ModerationAction.Approved or ModerationAction.Kept or ModerationAction.Rejected or ModerationAction.Restored)
        {
            await db.CommentReports.Where(r => r.CommentId == id && r.ResolvedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ResolvedAt, now), cancellationToken);
        }

        db.ModerationDecisions.Add(new ModerationDecision
        {
            Action = action, CommentId = id, ArticleId = comment.ArticleId, SubjectUserId = comment.AuthorId, ActorId = moderatorId,
            FromStatus = from, ToStatus = comment.Status, ReasonCode = reasonCode, Note = note, CreatedAt = now,
        });
        // A removal vanishes for every reader at once, cached pages included: the save evicts them.
        await db.SaveChangesAsync(cancellationToken);
        if (statement is not null)
        {
            await statements.SendAsync(statement, cancellationToken);
        }

        logger.LogInformation("Comment {CommentId}: {Action} by {ActorId}", id, action, moderatorId);
        return ModerationResult.Ok(message);
    }

    // ---------- reports ----------

    public async Task<ModerationResult> ReportAsync(long commentId, string reporterId, ReportReason reason, string details, CancellationToken cancellationToken)
    {
        if (TextLimits.TooLong(details, TextLimits.ReportDetails, "The details") is { } tooLong)
        {
            return ModerationResult.Refused(tooLong);
        }

        var comment = await db.Comments.FirstOrDefaultAsync(c => c.Id == commentId, cancellationToken);
        if (comment is null || !comment.Status.IsVisible())
        {
            return ModerationResult.Refused("That comment is no longer there to report.");
        }

        if (comment.AuthorId == reporterId)
        {
            return ModerationResult.Refused("You cannot report your own comment. You can edit or delete it instead.");
        }

        if (reason == ReportReason.Other && string.IsNullOrWhiteSpace(details))
        {
            return ModerationResult.Refused("Tell us what is wrong with the comment.");
        }

        if (await db.CommentReports.AnyAsync(r => r.CommentId == commentId && r.ReporterId == reporterId && r.ResolvedAt == null, cancellationToken))
        {
            return ModerationResult.Refused("You have already reported this comment. A moderator will look at it.");
        }

        var now = clock.GetUtcNow();
        db.CommentReports.Add(new CommentReport { CommentId = commentId, ReporterId = reporterId, Reason = reason, Details = details.Trim(), CreatedAt = now });
        await db.SaveChangesAsync(cancellationToken);

        var reporters = await db.CommentReports.Where(r => r.CommentId == commentId && r.ResolvedAt == null).Select(r => r.ReporterId).Distinct().CountAsync(cancellationToken);
        if (reporters >= (await settings.CurrentAsync(cancellationToken)).ReportThreshold && comment.Status.IsVisible())
        {
            var from = comment.Status;
            comment.HoldForReview("reported", $"Held for review: reported by {reporters} readers.");
            db.ModerationDecisions.Add(new ModerationDecision
            {
                Action = ModerationAction.HeldOnReports, CommentId = commentId, ArticleId = comment.ArticleId, SubjectUserId = comment.AuthorId,
                Rule = "report-threshold", FromStatus = from, ToStatus = comment.Status, ReasonCode = "reported",
                Note = $"Reported by {reporters} readers; hidden until a moderator reviews it.", CreatedAt = now,
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        return ModerationResult.Ok("Thank you: a moderator will look at the comment.");
    }

    // ---------- sanctions ----------

    public async Task<ModerationResult> SanctionAsync(string userId, SanctionKind kind, TimeSpan? duration, DateTimeOffset? until, string reason, string moderatorId, CancellationToken cancellationToken)
    {
        if (!await db.Users.AnyAsync(u => u.Id == userId, cancellationToken))
        {
            return ModerationResult.Refused("That account does not exist.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return ModerationResult.Refused("Give the reason: the member is told it.");
        }

        if (TextLimits.TooLong(reason, TextLimits.SanctionReason, "The reason") is { } tooLong)
        {
            return ModerationResult.Refused(tooLong);
        }

        var now = clock.GetUtcNow();
        var ends = until ?? (duration is { } d ? now + d : null);
        if (kind == SanctionKind.Suspension && (ends is null || ends <= now))
        {
            return ModerationResult.Refused("A suspension needs an end in the future.");
        }

        var sanction = new UserSanction { UserId = userId, Kind = kind, Reason = reason.Trim(), ActorId = moderatorId, StartsAt = now, EndsAt = kind == SanctionKind.Ban ? null : ends };
        db.UserSanctions.Add(sanction);
        // The sanction's id goes on its statement, so the statement is added once the sanction is saved, in one transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        // A warning restricts nothing; every other sanction is a restriction with its statement.
        var statement = kind == SanctionKind.Warning ? null : statements.Add(new Restriction(userId, Statements.KindOf(kind), $"A moderator restricted your account: {reason.Trim()}",
            RestrictionSource.OwnInitiative, Automated: false, "sanction:" + kind, $"Our discussion rules: {reason.Trim()}", LegalGround: false, moderatorId,
            SanctionId: sanction.Id, Until: sanction.EndsAt), now);
        db.ModerationDecisions.Add(new ModerationDecision
        {
            Action = ModerationAction.Sanctioned, SubjectUserId = userId, ActorId = moderatorId, ReasonCode = kind.ToString(),
            Note = sanction.EndsAt is { } end ? $"{reason.Trim()} (until {(await settings.CurrentAsync(cancellationToken)).Time.LongText(end)})" : reason.Trim(), CreatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (statement is null)
        {
            return ModerationResult.Ok($"{kind} recorded.");
        }

        await statements.SendAsync(statement, cancellationToken);
        return ModerationResult.Ok($"{kind} recorded, and the member is sent a statement of the reasons.");
    }

    public async Task<ModerationResult> LiftAsync(long sanctionId, string moderatorId, CancellationToken cancellationToken)
    {
        var sanction = await db.UserSanctions.FirstOrDefaultAsync(s => s.Id == sanctionId, cancellationToken);
        var now = clock.GetUtcNow();
        if (sanction is null || !sanction.IsActive(now))
        {
            return ModerationResult.Refused("That sanction is not in force.");
        }

        sanction.LiftedAt = now;
        db.ModerationDecisions.Add(new ModerationDecision
        {
            Action = ModerationAction.SanctionLifted, SubjectUserId = sanction.UserId, ActorId = moderatorId, ReasonCode = sanction.Kind.ToString(),
            Note = "Lifted.", CreatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return ModerationResult.Ok($"{sanction.Kind} lifted.");
    }

    public async Task<UserHistory?> UserHistoryAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Id, u.DisplayName, u.Email, u.CreatedAt }).FirstOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }

        var comments = await db.Comments.AsNoTracking().Where(c => c.AuthorId == userId).OrderByDescending(c => c.CreatedAt).Take(100)
            .Select(c => new { c.Id, c.Status, c.Body, Title = c.Article!.Title, c.CreatedAt }).ToListAsync(cancellationToken);
        var by = await db.CommentReports.AsNoTracking().Where(r => r.ReporterId == userId).OrderByDescending(r => r.CreatedAt).Take(100)
            .Select(r => new { r.CommentId, r.Reason, r.Details, r.CreatedAt, Open = r.ResolvedAt == null }).ToListAsync(cancellationToken);
        var about = await db.CommentReports.AsNoTracking().Where(r => r.Comment!.AuthorId == userId).OrderByDescending(r => r.CreatedAt).Take(100)
            .Select(r => new { r.CommentId, r.Reason, Reporter = r.Reporter!.DisplayName, r.CreatedAt, Open = r.ResolvedAt == null }).ToListAsync(cancellationToken);
        var sanctions = await db.UserSanctions.AsNoTracking().Where(s => s.UserId == userId).OrderByDescending(s => s.StartsAt).ToListAsync(cancellationToken);
        var decisions = await Decisions(db.ModerationDecisions.Where(d => d.SubjectUserId == userId).OrderByDescending(d => d.Id).Take(100)).ToListAsync(cancellationToken);
        return new UserHistory(user.Id, user.DisplayName, user.Email, user.CreatedAt,
            comments.Select(c => (c.Id, c.Status, Excerpt(c.Body), c.Title, c.CreatedAt)).ToList(),
            by.Select(r => (r.CommentId, r.Reason, r.Details, r.CreatedAt, r.Open)).ToList(),
            about.Select(r => (r.CommentId, r.Reason, r.Reporter, r.CreatedAt, r.Open)).ToList(),
            sanctions, decisions);
    }

    // ---------- articles ----------

    public async Task<ModerationResult> SetCommentModeAsync(int articleId, CommentMode mode, string moderatorId, CancellationToken cancellationToken)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == articleId, cancellationToken);
        if (article is null)
        {
            return ModerationResult.Refused("That article does not exist.");
        }

        var before = article.CommentMode;
        if (before == mode)
        {
            return ModerationResult.Refused($"Comments are already {Describe(mode)}.");
        }

        article.CommentMode = mode;
        var now = clock.GetUtcNow();
        if (mode != CommentMode.Closed && article.CommentsCloseAt is { } closesAt && closesAt <= now)
        {
            // Reopening also lifts a close date that has passed.
            article.CommentsCloseAt = null;
        }

        db.ModerationDecisions.Add(new ModerationDecision
        {
            Action = mode switch
            {
                CommentMode.Closed => ModerationAction.CommentsClosed,
                CommentMode.PreModerated => ModerationAction.PreModerationOn,
                _ => before == CommentMode.Closed ? ModerationAction.CommentsReopened : ModerationAction.PreModerationOff,
            },
            ArticleId = articleId, ActorId = moderatorId, ReasonCode = mode.ToString(), Note = $"Comments {Describe(mode)}.", CreatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return ModerationResult.Ok($"Comments are now {Describe(mode)}.");
    }

    private static string Describe(CommentMode mode) => mode switch
    {
        CommentMode.Closed => "closed",
        CommentMode.PreModerated => "pre-moderated",
        _ => "open",
    };

    // ---------- word lists and suppression orders ----------

    public Task<List<ModerationWord>> WordsAsync(CancellationToken cancellationToken) =>
        db.ModerationWords.AsNoTracking().OrderBy(w => w.Kind).ThenBy(w => w.Word).ToListAsync(cancellationToken);

    public async Task<ModerationResult> AddWordAsync(WordListKind kind, string word, CancellationToken cancellationToken)
    {
        word = word.Trim().ToLowerInvariant();
        if (word.Length is 0 or > 100)
        {
            return ModerationResult.Refused("Enter a word or phrase of up to 100 characters.");
        }

        if (await db.ModerationWords.AnyAsync(w => w.Kind == kind && w.Word == word, cancellationToken))
        {
            return ModerationResult.Refused($"“{word}” is already on that list.");
        }

        db.ModerationWords.Add(new ModerationWord { Kind = kind, Word = word });
        await db.SaveChangesAsync(cancellationToken);
        return ModerationResult.Ok($"Added “{word}”.");
    }

    public async Task<ModerationResult> RemoveWordAsync(int id, CancellationToken cancellationToken) =>
        await db.ModerationWords.Where(w => w.Id == id).ExecuteDeleteAsync(cancellationToken) > 0
            ? ModerationResult.Ok("Removed.")
            : ModerationResult.Refused("That word is not on the list.");

    // ---------- the log ----------

    public async Task<(IReadOnlyList<DecisionLine> Lines, long? Next)> LogAsync(DecisionFilter filter, CancellationToken cancellationToken)
    {
        var query = db.ModerationDecisions.AsNoTracking();
        if (filter.Action is { } action)
        {
            query = query.Where(d => d.Action == action);
        }

        if (filter.CommentId is { } commentId)
        {
            query = query.Where(d => d.CommentId == commentId);
        }

        if (!string.IsNullOrEmpty(filter.UserId))
        {
            query = query.Where(d => d.SubjectUserId == filter.UserId || d.ActorId == filter.UserId);
        }

        if (filter.AutomaticOnly)
        {
            query = query.Where(d => d.ActorId == null);
        }

        if (filter.Before is { } before)
        {
            query = query.Where(d => d.Id < before);
        }

        var lines = await Decisions(query.OrderByDescending(d => d.Id).Take(51)).ToListAsync(cancellationToken);
        return (lines.Take(50).ToList(), lines.Count > 50 ? lines[49].Id : null);
    }

    private IQueryable<DecisionLine> Decisions(IQueryable<ModerationDecision> decisions) =>
        decisions.Select(d => new DecisionLine(d.Id, d.Action, d.CommentId, d.SubjectUserId,
            db.Users.Where(u => u.Id == d.SubjectUserId).Select(u => u.DisplayName).FirstOrDefault(),
            db.Users.Where(u => u.Id == d.ActorId).Select(u => u.DisplayName).FirstOrDefault(),
            d.Rule, d.FromStatus, d.ToStatus, d.ReasonCode, d.Note, d.CreatedAt));

    private IQueryable<QueueItem> Project(IQueryable<Comment> comments, DateTimeOffset now) =>
        comments.Select(c => new QueueItem(
            c.Id, c.Status, c.BodyHtml, c.CreatedAt, c.EditedAt, c.IsFeatured, c.AuthorId, c.Author!.DisplayName,
            c.ArticleId, c.Article!.Title, c.Article.Slug,
            c.Parent != null ? c.Parent.Body.Substring(0, 240) : null,
            c.Parent != null ? c.Parent.Author!.DisplayName : null,
            c.ModerationCode, c.ModerationReason, c.ReportSeenAt,
            Array.Empty<ReportLine>(), 0, 0,
            db.UserSanctions.Where(UserSanction.ActiveAt(now)).Any(s => s.UserId == c.AuthorId))
        {
            SuppressionOrderId = c.SuppressionOrderId,
            SuppressionTerm = c.SuppressionTerm,
        });

    /// <summary>The order behind each possible suppression breach on a page, looked up only for the items that have one.</summary>
    private async Task<List<QueueItem>> WithSuppressionAsync(List<QueueItem> items, CancellationToken cancellationToken)
    {
        var orderIds = items.Where(i => i.SuppressionOrderId is not null).Select(i => i.SuppressionOrderId!.Value).Distinct().ToList();
        if (orderIds.Count == 0)
        {
            return items;
        }

        var orders = await db.SuppressionOrders.AsNoTracking().Where(o => orderIds.Contains(o.Id))
            .Select(o => new { o.Id, CaseName = o.Case!.Name, o.ProtectedRole }).ToDictionaryAsync(o => o.Id, cancellationToken);
        return items.Select(i => i.SuppressionOrderId is { } id && orders.TryGetValue(id, out var order)
            ? i with { Suppression = new SuppressionMatch(id, i.SuppressionTerm ?? "", order.CaseName, order.ProtectedRole) }
            : i).ToList();
    }

    /// <summary>
    /// The open reports of a page of items, fetched by comment id in a second query. Joined into the page's query,
    /// SQLite built every open report into a temporary table and scanned it once per item.
    /// </summary>
    private async Task<List<QueueItem>> WithReportsAsync(List<QueueItem> items, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return items;
        }

        // Most queued comments have no open report: only those that do are looked up.
        var open = await OpenReportIdsAsync(cancellationToken);
        var ids = items.Select(i => i.Id).Where(open.Contains).ToList();
        if (ids.Count == 0)
        {
            return items;
        }

        var reports = (await db.CommentReports.AsNoTracking()
                .Where(r => ids.Contains(r.CommentId) && r.ResolvedAt == null)
                .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
                .Select(r => new { r.CommentId, Line = new ReportLine(r.Reason, r.Details, r.Reporter!.DisplayName, r.CreatedAt) })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.CommentId, r => r.Line);
        return items.Select(i => reports.Contains(i.Id) ? i with { Reports = reports[i.Id].ToList() } : i).ToList();
    }

    /// <summary>
    /// Each commenter's record (visible and rejected comments), counted once for all the page's authors and then kept
    /// for a short while: a busy commenter's hundreds of comments are not recounted on every page of the queue.
    /// Any change to comments (a decision included) refreshes the records, by the moderation tag.
    /// </summary>
    private async Task<List<QueueItem>> WithRecordsAsync(List<QueueItem> items, CancellationToken cancellationToken)
    {
        var records = new Dictionary<string, (int Visible, int Rejected)>();
        var missing = new List<string>();
        foreach (var author in items.Select(i => i.AuthorId).Distinct())
        {
            if (await cache.TryGetAsync<AuthorRecord>(RecordKey(author), CacheLevel.Memory, cancellationToken) is (true, { } record))
            {
                records[author] = (record.Visible, record.Rejected);
            }
            else
            {
                missing.Add(author);
            }
        }

        if (missing.Count > 0)
        {
            var counted = await db.Comments.AsNoTracking()
                .Where(c => missing.Contains(c.AuthorId))
                .GroupBy(c => c.AuthorId)
                .Select(g => new
                {
                    Author = g.Key,
                    // CommentStatusRules.Visible, inside a grouped count (a composed expression does not translate there).
                    Visible = g.Count(c => c.Status == CommentStatus.Published || c.Status == CommentStatus.Approved),
                    Rejected = g.Count(c => c.Status == CommentStatus.Rejected),
                })
                .ToListAsync(cancellationToken);
            foreach (var author in missing)
            {
                var found = counted.FirstOrDefault(c => c.Author == author);
                records[author] = (found?.Visible ?? 0, found?.Rejected ?? 0);
                await cache.SetAsync(RecordKey(author), new AuthorRecord(records[author].Visible, records[author].Rejected),
                    [CacheTags.Moderation], CacheLevel.Memory, RecordLifetime, cancellationToken);
            }
        }

        return items.Select(i => i with { AuthorVisibleCount = records[i.AuthorId].Visible, AuthorRejectedCount = records[i.AuthorId].Rejected }).ToList();
    }

    private static readonly TimeSpan RecordLifetime = TimeSpan.FromSeconds(30);

    private sealed record AuthorRecord(int Visible, int Rejected);

    /// <summary>The comments with open reports, kept for a few seconds; a new report or a decision refreshes them.</summary>
    private Task<HashSet<long>> OpenReportIdsAsync(CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync("moderation:reported", [CacheTags.Moderation], async token =>
            (await db.CommentReports.AsNoTracking().Where(r => r.ResolvedAt == null).Select(r => r.CommentId).Distinct()
                .ToListAsync(token)).ToHashSet(), cancellationToken, lifetime: QueueLifetime);

    private static string RecordKey(string authorId) => $"moderation:record:{authorId}";

    private static string Cursor(QueueItem item) => $"{item.CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}_{item.Id.ToString(CultureInfo.InvariantCulture)}";

    private static (long Ticks, long Id) ParseCursor(string? cursor)
    {
        var parts = cursor?.Split('_');
        return parts is [var t, var i] && long.TryParse(t, CultureInfo.InvariantCulture, out var ticks) && long.TryParse(i, CultureInfo.InvariantCulture, out var id)
            ? (ticks, id)
            : (0, 0);
    }

    private static string Excerpt(string body) => body.Length <= 160 ? body : body[..160] + "…";
}
