using Blog.Web.Configuration;
using Blog.Web.Data;
using Blog.Web.Domain;
using Blog.Web.Domain.Legal;
using Blog.Web.Domain.Moderation;
using Blog.Web.Infrastructure;
using Blog.Web.Infrastructure.Caching;
using Blog.Web.Services.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Blog.Web.Services.Comments;

public enum CommentResult
{
    Published,
    Held,
    /// <summary>Stored, but rejected by a rule (banned words); its author is told why.</summary>
    Rejected,
    Denied,
    Invalid,
    NotFound,
    EditWindowClosed,
    Edited,
    Deleted,
    Recommended,
    Unrecommended,

    /// <summary>The database was held by someone else: nothing was saved; the author is asked to try again shortly.</summary>
    Busy,
}

/// <summary>What happened to a comment action, in words the page can show as they are.</summary>
public sealed record CommentOutcome(CommentResult Result, string Message, long CommentId = 0, string ArticleSlug = "")
{
    public bool Succeeded => Result is CommentResult.Published or CommentResult.Held or CommentResult.Rejected or CommentResult.Edited
        or CommentResult.Deleted or CommentResult.Recommended or CommentResult.Unrecommended;
}

public sealed record DiscussionView(
    int ArticleId,
    string ArticleSlug,
    IReadOnlyList<CommentNode> Threads,
    int VisibleCount,
    int PageNumber,
    int PageCount,
    CommentSort Sort,
    CommentPermission Permission,
    bool MayRecommend,
    ReaderStanding Viewer,
    TimeSpan EditWindow,
    DateTimeOffset Now,
    SiteTime Time,
    string? SubJudiceNotice = null)
{
    /// <summary>The comments on this page the reader has recommended (when the threads are the shared ones).</summary>
    public IReadOnlySet<long> RecommendedIds { get; init; } = new HashSet<long>();

    /// <summary>
    /// Where the threads' HTML is kept when they are the same for every reader (drawn once, filled per reader);
    /// null when they are this reader's own.
    /// </summary>
    public SharedDrawing? Drawn { get; init; }
}

/// <summary>
/// A slot for what a page draws from threads every reader sees alike, kept with those threads. The first drawing
/// kept wins; later ones are dropped, so every reader of the same threads gets the same bytes.
/// </summary>
public sealed class SharedDrawing
{
    private object? drawing;

    public T? Get<T>() where T : class => Volatile.Read(ref drawing) as T;

    public T Keep<T>(T made) where T : class => Interlocked.CompareExchange(ref drawing, made, null) as T ?? made;
}

/// <summary>One page of top-level threads with their replies.</summary>
public sealed record ThreadPage(IReadOnlyList<CommentNode> Threads, int PageNumber, int PageCount)
{
    /// <summary>
    /// The threads drawn as every reader sees them, made once by the first page that draws them and kept with the
    /// data they were drawn from (and so evicted with it). It holds markup only: nothing of any reader.
    /// </summary>
    public SharedDrawing Drawn { get; } = new();

    /// <summary>What kept threads count against the cache's bound: their text, twice over for the drawing.</summary>
    public static long SizeOf(IReadOnlyList<CommentNode> threads) =>
        1024 + threads.SelectMany(t => t.Descendants().Prepend(t)).Sum(n => 512L + 4L * (n.Row.BodyHtml?.Length ?? 0));
}

public sealed record PermalinkView(
    long CommentId,
    int ArticleId,
    string ArticleSlug,
    string ArticleTitle,
    IReadOnlyList<CommentNode> Chain,
    CommentPermission Permission,
    bool MayRecommend,
    ReaderStanding Viewer,
    TimeSpan EditWindow,
    DateTimeOffset Now,
    SiteTime Time,
    IReadOnlyList<CommentRevision> History,
    CommentNode Target);

public sealed record RenderedPreview(string? Html, string? Error);

public sealed record EditableComment(long Id, string ArticleSlug, string Body, bool CanEdit, DateTimeOffset EditableUntil, int WindowMinutes, SiteTime Time);

/// <summary>
/// The discussion: who may say what, where, and how a thread is read. Loads with the DbContext, decides with
/// the Domain rules, saves once.
/// </summary>
public sealed class CommentService(
    BlogDbContext db,
    MarkdownRenderer renderer,
    ArticleQueries articles,
    CommentRouter router,
    SiteCache cache,
    SiteSettingsStore settings,
    IOptions<SubscriptionOptions> subscriptions,
    Legal.Statements statements,
    TimeProvider clock,
    ILogger<CommentService> logger)
{
    private static readonly CommentOutcome Busy = new(CommentResult.Busy,
        $"The site is very busy and could not save this just now. Nothing was saved: please try again in {DatabaseBusy.RetryAfterSeconds} seconds. Your text is kept below.");

    /// <summary>
    /// A preview of a comment, drawn only for a reader who may comment and for text that could be posted: the
    /// same length and nesting rules as posting, checked before any rendering is done.
    /// </summary>
    public async Task<RenderedPreview> PreviewAsync(string body, ReaderStanding viewer, CancellationToken cancellationToken)
    {
        var site = await settings.CurrentAsync(cancellationToken);
        var permission = PermissionFor(site, viewer, new ThreadSettings(CommentMode.Open, null));
        if (!permission.Allowed)
        {
            return new(null, permission.Message);
        }

        if (Validate(body) is { } invalid)
        {
            return new(null, invalid);
        }

        return renderer.TryRenderComment(body, out var html) ? new(html, null) : new(null, MarkdownRenderer.TooDeeplyNested);
    }

    public static string? Validate(string? body)
    {
        var text = body?.Trim() ?? "";
        return text.Length switch
        {
            0 => "Write something before posting.",
            > CommentOptions.MaxLength => $"A comment can be at most {CommentOptions.MaxLength:N0} characters; this one has {text.Length:N0}.",
            _ => null,
        };
    }

    private CommentPermission PermissionFor(SiteSettings site, ReaderStanding viewer, ThreadSettings thread) =>
        CommentPolicy.Evaluate(viewer.AsCommenter(), thread, site.OpenToMembers, clock.GetUtcNow()) with { Time = site.Time };

    private CommentPermission PermissionFor(SiteSettings site, ReaderStanding viewer, CommentMode mode, DateTimeOffset? closesAt, DateTimeOffset? publishedAt) =>
        PermissionFor(site, viewer, CommentRouter.ThreadFor(site, mode, closesAt, publishedAt));

    /// <summary>
    /// One page of threads in a constant number of queries however long the discussion: count the roots, page
    /// them, then load every comment under those roots (with author badges and the viewer's recommendations).
    /// </summary>
    public async Task<DiscussionView> DiscussionAsync(ArticleView article, ReaderStanding viewer, CommentSort sort, int page, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var site = await settings.CurrentAsync(cancellationToken);
        // Never past the last page there could be, never an order there is not: a made-up address is not a new entry
        // among the kept threads.
        page = Math.Clamp(page, 1, CommentThread.PageCount(article.CommentCount));
        sort = Enum.IsDefined(sort) ? sort : CommentSort.Oldest;
        ThreadPage threads;
        IReadOnlySet<long> recommended = NoIds;
        SharedDrawing? drawn = null;
        var own = viewer.UserId is { } viewerId ? await ViewerStateAsync(article.Id, viewerId, cancellationToken) : null;
        if (own is { HasHiddenComments: true })
        {
            // Their own held or rejected comments are in their threads, marked, and in nobody else's.
            threads = await LoadThreadsAsync(article.Id, viewer.UserId, sort, page, now, cancellationToken);
        }
        else
        {
            threads = await SharedThreadsAsync(article.Id, sort, page, now, cancellationToken);
            recommended = own?.Recommended ?? NoIds;
            drawn = threads.Drawn;
        }

        var permission = PermissionFor(site, viewer, article.CommentMode, article.CommentsCloseAt, article.PublishedAt);
        var notice = article.Case is { } box && SubJudice.IsActive(box.Status) ? SubJudice.Notice(box.Status) : null;
        return new DiscussionView(article.Id, article.Slug, threads.Threads, article.CommentCount, threads.PageNumber, threads.PageCount, sort,
            permission, CommentPolicy.MayRecommend(viewer.AsCommenter(), site.OpenToMembers, now), viewer, site.EditWindow, now, site.Time, notice)
        {
            RecommendedIds = recommended,
            Drawn = drawn,
        };
    }

    private static readonly IReadOnlySet<long> NoIds = new HashSet<long>();

    /// <summary>
    /// A page of threads as every reader sees it (what is personal - own comments, recommendations, the tools - is
    /// added per reader when the page is drawn). Kept under the discussion's tag, so any write that changes it makes
    /// the next reader load it afresh; the drawn threads are kept with it (<see cref="ThreadPage.Drawn"/>).
    /// </summary>
    private Task<ThreadPage> SharedThreadsAsync(int articleId, CommentSort sort, int page, DateTimeOffset now, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync($"threads:{articleId}:{sort}:{page}", [CacheTags.Discussion(articleId)],
            token => LoadThreadsAsync(articleId, null, sort, page, now, token), cancellationToken,
            size: threads => ThreadPage.SizeOf(threads.Threads));

    private async Task<ThreadPage> LoadThreadsAsync(int articleId, string? viewerId, CommentSort sort, int page, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var roots = ShownRoots(articleId, viewerId);
        var rootCount = await roots.CountAsync(cancellationToken);
        var pageCount = CommentThread.PageCount(rootCount);
        page = Math.Clamp(page, 1, pageCount);
        var rootIds = await CommentThread.OrderTopLevel(roots, sort)
            .Skip((page - 1) * CommentThread.TopLevelPageSize).Take(CommentThread.TopLevelPageSize)
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);
        var rows = await Rows(db.Comments.Where(c => rootIds.Contains(c.RootId)), viewerId, now).ToListAsync(cancellationToken);
        return new ThreadPage(CommentThread.Build(rows, rootIds), page, pageCount);
    }

    private sealed record ViewerState(bool HasHiddenComments, IReadOnlySet<long> Recommended);

    /// <summary>
    /// What is the reader's own in a discussion: whether they have comments only they can see (held, rejected), and
    /// which comments they recommended. Kept, like the threads, under the discussion's tag.
    /// </summary>
    private Task<ViewerState> ViewerStateAsync(int articleId, string viewerId, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync($"viewer-threads:{articleId}:{viewerId}", [CacheTags.Discussion(articleId)],
            token => LoadViewerStateAsync(articleId, viewerId, token), cancellationToken);

    private async Task<ViewerState> LoadViewerStateAsync(int articleId, string viewerId, CancellationToken cancellationToken)
    {
        var hidden = await db.Comments.AnyAsync(c => c.AuthorId == viewerId
            && (c.Status == CommentStatus.Pending || c.Status == CommentStatus.Rejected) && c.ArticleId == articleId, cancellationToken);
        var recommended = await db.CommentRecommendations.AsNoTracking()
            .Where(r => r.UserId == viewerId && db.Comments.Any(c => c.Id == r.CommentId && c.ArticleId == articleId))
            .Select(r => r.CommentId)
            .ToListAsync(cancellationToken);
        return new ViewerState(hidden, recommended.ToHashSet());
    }

    public async Task<PermalinkView?> PermalinkAsync(long id, ReaderStanding viewer, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // A permalink (and the reply and report pages built on it) shows a comment only to who may read its article.
        var published = articles.Published().Where(Paywall.Readable(viewer.ReadsEverything));
        var target = await db.Comments.AsNoTracking()
            .Where(c => c.Id == id && published.Any(a => a.Id == c.ArticleId))
            .Select(c => new { c.Id, c.RootId, c.Path, c.ArticleId, c.Article!.Slug, c.Article.Title, c.Article.CommentMode, c.Article.CommentsCloseAt, c.Article.PublishedAt, c.Article.Visibility })
            .FirstOrDefaultAsync(cancellationToken);
        if (target is null)
        {
            return null;
        }

        var ancestors = Comment.AncestorIds(target.Path);
        var subtree = target.Path + ".";
        var rows = await Rows(db.Comments.Where(c => c.RootId == target.RootId
                && (c.Id == target.Id || ancestors.Contains(c.Id) || c.Path.StartsWith(subtree))), viewer.UserId, now)
            .ToListAsync(cancellationToken);
        var chain = CommentThread.Build(rows);
        var shown = chain.SelectMany(n => n.Descendants().Prepend(n)).FirstOrDefault(n => n.Row.Id == id);
        if (shown is null)
        {
            return null;
        }

        var history = viewer.IsStaff
            ? await db.CommentRevisions.AsNoTracking().Where(r => r.CommentId == id).OrderByDescending(r => r.ReplacedAt).ToListAsync(cancellationToken)
            : [];
        var site = await settings.CurrentAsync(cancellationToken);
        return new PermalinkView(id, target.ArticleId, target.Slug, target.Title, chain, PermissionFor(site, viewer, target.CommentMode, target.CommentsCloseAt, target.PublishedAt),
            CommentPolicy.MayRecommend(viewer.AsCommenter(), site.OpenToMembers, now), viewer, site.EditWindow, now, site.Time, history, shown);
    }

    /// <summary>Posts a comment or a reply. A retried post with the same key returns the comment it already made.</summary>
    public async Task<CommentOutcome> SubmitAsync(string? articleSlug, long? parentId, string body, Guid idempotencyKey, ReaderStanding viewer, CancellationToken cancellationToken)
    {
        if (Validate(body) is { } invalid)
        {
            return new(CommentResult.Invalid, invalid);
        }

        // Drawn before anything is loaded or saved: text that cannot be drawn is refused with the reason.
        if (!renderer.TryRenderComment(body.Trim(), out var bodyHtml))
        {
            return new(CommentResult.Invalid, MarkdownRenderer.TooDeeplyNested);
        }

        if (viewer.UserId is null)
        {
            return new(CommentResult.Denied, new CommentPermission(CommentDenial.SignInRequired).Message);
        }

        var published = articles.Published().Where(Paywall.Readable(viewer.ReadsEverything));
        var parent = parentId is { } pid
            ? await db.Comments.FirstOrDefaultAsync(c => c.Id == pid && published.Any(a => a.Id == c.ArticleId), cancellationToken)
            : null;
        if (parentId is not null && (parent is null || !parent.Status.IsVisible()))
        {
            return new(CommentResult.NotFound, "That comment is no longer there to reply to.");
        }

        var article = await published
            .Where(a => parent != null ? a.Id == parent.ArticleId : a.Slug == articleSlug)
            .Select(a => new { a.Id, a.Slug, a.CommentMode, a.CommentsCloseAt, a.PublishedAt, a.Visibility })
            .FirstOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return new(CommentResult.NotFound, "That article is not available.");
        }

        var existing = await ExistingAsync(idempotencyKey, viewer.UserId, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var site = await settings.CurrentAsync(cancellationToken);
        var thread = CommentRouter.ThreadFor(site, article.CommentMode, article.CommentsCloseAt, article.PublishedAt);
        var permission = PermissionFor(site, viewer, thread);
        if (!permission.Allowed)
        {
            return new(CommentResult.Denied, permission.Message);
        }

        var now = clock.GetUtcNow();
        var routing = await router.RouteAsync(article.Id, thread, body.Trim(), viewer, isEdit: false, cancellationToken);
        if (routing.Kind == RoutingKind.Refused)
        {
            // A concurrent copy of this very post may have just been stored (and now looks like a duplicate).
            return await ExistingAsync(idempotencyKey, viewer.UserId, cancellationToken) ?? new(CommentResult.Denied, routing.Message);
        }

        var comment = new Comment
        {
            ArticleId = article.Id,
            ParentId = parent?.Id,
            AuthorId = viewer.UserId,
            Body = body.Trim(),
            BodyHtml = bodyHtml,
            RenderVersion = MarkdownRenderer.PipelineVersion,
            Status = routing.Status,
            CreatedAt = now,
            IdempotencyKey = idempotencyKey,
            ModerationCode = routing.ReasonCode,
            ModerationReason = routing.Status == CommentStatus.Published ? "" : routing.Message,
            SuppressionOrderId = routing.Suppression?.OrderId,
            SuppressionTerm = routing.Suppression?.Term,
        };

        StatementOfReasons? rejection;
        try
        {
            // The id is needed for the path, so two statements in one short IMMEDIATE transaction.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Comments.Add(comment);
            await db.SaveChangesAsync(cancellationToken);
            comment.AssignPath(parent);
            db.ModerationDecisions.Add(new ModerationDecision
            {
                Action = ModerationAction.Routed, CommentId = comment.Id, ArticleId = article.Id, SubjectUserId = viewer.UserId,
                Rule = routing.Rule, ToStatus = routing.Status, ReasonCode = routing.ReasonCode,
                Note = routing.Status == CommentStatus.Published ? "" : routing.Message, CreatedAt = now,
            });
            rejection = routing.Status == CommentStatus.Rejected ? statements.Add(Legal.Statements.AutomaticRejection(comment, routing.Rule, routing.Message), now) : null;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DatabaseBusy.IsUniqueViolation(ex))
        {
            // Two copies of the same post raced: the other one won, and it is the same comment.
            db.ChangeTracker.Clear();
            return await ExistingAsync(idempotencyKey, viewer.UserId, cancellationToken)
                ?? new(CommentResult.Invalid, "Your comment could not be saved. Please try again.");
        }
        catch (Exception ex) when (DatabaseBusy.IsBusy(ex))
        {
            db.ChangeTracker.Clear();
            logger.LogWarning("Comment not saved: the database was busy");
            return Busy;
        }

        if (rejection is not null)
        {
            await statements.SendAsync(rejection, cancellationToken);
        }

        logger.LogInformation("Comment {CommentId} posted on article {ArticleId} as {Status}", comment.Id, article.Id, comment.Status);
        return routing.Status switch
        {
            CommentStatus.Pending => new(CommentResult.Held, $"Thanks. {routing.Message}", comment.Id, article.Slug),
            CommentStatus.Rejected => new(CommentResult.Rejected, routing.Message, comment.Id, article.Slug),
            _ => new(CommentResult.Published, "Your comment is published.", comment.Id, article.Slug),
        };
    }

    public async Task<EditableComment?> EditableAsync(long id, ReaderStanding viewer, CancellationToken cancellationToken)
    {
        var comment = await db.Comments.AsNoTracking().Include(c => c.Article)
            .FirstOrDefaultAsync(c => c.Id == id && c.AuthorId == viewer.UserId, cancellationToken);
        var site = await settings.CurrentAsync(cancellationToken);
        return comment is null || comment.Status is CommentStatus.Withdrawn or CommentStatus.Removed or CommentStatus.Rejected
            ? null
            : new EditableComment(comment.Id, comment.Article!.Slug, comment.Body,
                comment.CanBeEditedBy(viewer.UserId!, clock.GetUtcNow(), site.EditWindow), comment.CreatedAt + site.EditWindow, site.EditWindowMinutes, site.Time);
    }

    public async Task<CommentOutcome> EditAsync(long id, string body, ReaderStanding viewer, CancellationToken cancellationToken)
    {
        // Someone else's comment is simply not found: nothing tells them it exists.
        var comment = await db.Comments.Include(c => c.Article).FirstOrDefaultAsync(c => c.Id == id && c.AuthorId == viewer.UserId, cancellationToken);
        if (comment is null || comment.Status is CommentStatus.Withdrawn or CommentStatus.Removed or CommentStatus.Rejected)
        {
            return new(CommentResult.NotFound, "That comment is not yours to edit, or it is gone.");
        }

        if (Validate(body) is { } invalid)
        {
            return new(CommentResult.Invalid, invalid, comment.Id, comment.Article!.Slug);
        }

        if (!renderer.TryRenderComment(body.Trim(), out var bodyHtml))
        {
            return new(CommentResult.Invalid, MarkdownRenderer.TooDeeplyNested, comment.Id, comment.Article!.Slug);
        }

        var now = clock.GetUtcNow();
        var site = await settings.CurrentAsync(cancellationToken);
        if (!comment.CanBeEditedBy(viewer.UserId!, now, site.EditWindow))
        {
            return new(CommentResult.EditWindowClosed,
                $"A comment can be edited for {site.EditWindowMinutes} minutes after posting; that time is up. You can still delete it.",
                comment.Id, comment.Article!.Slug);
        }

        // An edit is screened like a new comment (a suppressed name can arrive in an edit too); it can only
        // ever be held or rejected by that, never published past a hold.
        var thread = CommentRouter.ThreadFor(site, comment.Article!.CommentMode, comment.Article.CommentsCloseAt, comment.Article.PublishedAt);
        var routing = await router.RouteAsync(comment.ArticleId, thread, body.Trim(), viewer, isEdit: true, cancellationToken);
        if (routing.Kind == RoutingKind.Refused)
        {
            return new(CommentResult.Denied, routing.Message, comment.Id, comment.Article.Slug);
        }

        db.CommentRevisions.Add(comment.Revise(body.Trim(), bodyHtml, MarkdownRenderer.PipelineVersion, now));
        StatementOfReasons? rejection = null;
        var message = "Your comment is updated.";
        if (routing.Status != CommentStatus.Published && (comment.Status != routing.Status || routing.Suppression is not null))
        {
            var from = comment.Status;
            if (routing.Status == CommentStatus.Rejected)
            {
                comment.Reject(routing.ReasonCode, routing.Message, "");
                rejection = statements.Add(Legal.Statements.AutomaticRejection(comment, routing.Rule, routing.Message), now);
            }
            else if (routing.Suppression is { } hit)
            {
                // Held already or not, a possible breach is marked as one, with the order and term for moderators.
                comment.HoldAsPossibleBreach(hit, routing.Message);
            }
            else if (comment.Status.IsVisible())
            {
                comment.HoldForReview(routing.ReasonCode, routing.Message);
            }

            db.ModerationDecisions.Add(new ModerationDecision
            {
                Action = ModerationAction.Routed, CommentId = comment.Id, ArticleId = comment.ArticleId, SubjectUserId = comment.AuthorId,
                Rule = routing.Rule, FromStatus = from, ToStatus = comment.Status, ReasonCode = routing.ReasonCode, Note = routing.Message, CreatedAt = now,
            });
            message = $"Your comment is updated. {routing.Message}";
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (DatabaseBusy.IsBusy(ex))
        {
            db.ChangeTracker.Clear();
            logger.LogWarning("Comment {CommentId} not edited: the database was busy", comment.Id);
            return Busy;
        }

        if (rejection is not null)
        {
            await statements.SendAsync(rejection, cancellationToken);
        }

        return new(CommentResult.Edited, message, comment.Id, comment.Article.Slug);
    }

    public async Task<(long Id, string BodyHtml)?> OwnCommentAsync(long id, ReaderStanding viewer, CancellationToken cancellationToken)
    {
        var found = await db.Comments.AsNoTracking()
            .Where(c => c.Id == id && c.AuthorId == viewer.UserId && c.Status != CommentStatus.Withdrawn && c.Status != CommentStatus.Removed)
            .Select(c => new { c.Id, c.BodyHtml })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.Id, found.BodyHtml);
    }

    public async Task<CommentOutcome> DeleteAsync(long id, ReaderStanding viewer, CancellationToken cancellationToken)
    {
        var comment = await db.Comments.Include(c => c.Article).FirstOrDefaultAsync(c => c.Id == id && c.AuthorId == viewer.UserId, cancellationToken);
        if (comment is null || comment.Status is CommentStatus.Withdrawn or CommentStatus.Removed)
        {
            return new(CommentResult.NotFound, "That comment is not yours to delete, or it is already gone.");
        }

        comment.Withdraw();
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Comment {CommentId} withdrawn by its author", comment.Id);
        return new(CommentResult.Deleted, "Your comment is deleted.", comment.Id, comment.Article!.Slug);
    }

    /// <summary>Recommends, or takes back a recommendation. The count moves in SQL so concurrent clicks add up.</summary>
    public async Task<CommentOutcome> ToggleRecommendationAsync(long id, ReaderStanding viewer, CancellationToken cancellationToken)
    {
        var published = articles.Published();
        var comment = await db.Comments.AsNoTracking()
            .Where(c => c.Id == id && published.Any(a => a.Id == c.ArticleId))
            .Select(c => new { c.Id, c.AuthorId, c.Status, c.Article!.Slug })
            .FirstOrDefaultAsync(cancellationToken);
        if (comment is null || !comment.Status.IsVisible())
        {
            return new(CommentResult.NotFound, "That comment is not there any more.");
        }

        if (viewer.UserId is null || !CommentPolicy.MayRecommend(viewer.AsCommenter(), (await settings.CurrentAsync(cancellationToken)).OpenToMembers, clock.GetUtcNow()))
        {
            return new(CommentResult.Denied, viewer.UserId is null ? "Sign in to recommend comments." : "Subscribe to recommend comments.", id, comment.Slug);
        }

        if (comment.AuthorId == viewer.UserId)
        {
            return new(CommentResult.Denied, "You cannot recommend your own comment.", id, comment.Slug);
        }

        // The recommendation is saved as an entity (so the cache knows its discussion changed); the count moves in
        // the same transaction by one statement, so two readers recommending at once both count.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = await db.CommentRecommendations.FirstOrDefaultAsync(r => r.CommentId == id && r.UserId == viewer.UserId, cancellationToken);
        var removed = existing is not null;
        if (existing is not null)
        {
            db.CommentRecommendations.Remove(existing);
        }
        else
        {
            db.CommentRecommendations.Add(new CommentRecommendation { CommentId = id, UserId = viewer.UserId, CreatedAt = clock.GetUtcNow() });
        }

        await db.SaveChangesAsync(cancellationToken);
        var step = removed ? -1 : 1;
        await db.Comments.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.RecommendCount, c => c.RecommendCount + step), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return removed
            ? new(CommentResult.Unrecommended, "Recommendation taken back.", id, comment.Slug)
            : new(CommentResult.Recommended, "Thanks for recommending.", id, comment.Slug);
    }

    /// <summary>
    /// Where a comment is read in full: its article, on the page (in the default oldest-first order) that holds its
    /// thread, anchored at the comment.
    /// </summary>
    public async Task<string> LocationAsync(long commentId, ReaderStanding viewer, CancellationToken cancellationToken)
    {
        var found = await db.Comments.AsNoTracking().Where(c => c.Id == commentId)
            .Select(c => new { c.ArticleId, c.RootId, c.Article!.Slug })
            .FirstAsync(cancellationToken);
        var root = await db.Comments.AsNoTracking().Where(c => c.Id == found.RootId).Select(c => new { c.Id, c.CreatedAt, c.IsFeatured }).FirstAsync(cancellationToken);
        var before = await ShownRoots(found.ArticleId, viewer.UserId)
            .CountAsync(CommentThread.BeforeInDefaultOrder(root.IsFeatured, root.CreatedAt, root.Id), cancellationToken);
        var page = before / CommentThread.TopLevelPageSize + 1;
        return $"/articles/{found.Slug}{(page > 1 ? $"?page={page}" : "")}#comment-{commentId}";
    }

    /// <summary>
    /// Top-level comments a reader sees: shown themselves, or holding a shown reply (as a placeholder). "Shown" is
    /// <see cref="CommentStatusRules.Visible"/> or the reader's own held comment, spelled out in one expression here
    /// (and in <see cref="Rows"/>) because SQLite plans the combined condition far better than a composed one.
    /// </summary>
    private IQueryable<Comment> ShownRoots(int articleId, string? viewerId) =>
        db.Comments.AsNoTracking().Where(c => c.ArticleId == articleId && c.ParentId == null
            && (c.Status == CommentStatus.Published || c.Status == CommentStatus.Approved
                || ((c.Status == CommentStatus.Pending || c.Status == CommentStatus.Rejected) && c.AuthorId == viewerId)
                || db.Comments.Any(d => d.RootId == c.Id && d.Id != c.Id
                    && (d.Status == CommentStatus.Published || d.Status == CommentStatus.Approved
                        || (d.Status == CommentStatus.Pending && d.AuthorId == viewerId)))));

    private async Task<CommentOutcome?> ExistingAsync(Guid key, string userId, CancellationToken cancellationToken)
    {
        var existing = await db.Comments.AsNoTracking().Where(c => c.IdempotencyKey == key)
            .Select(c => new { c.Id, c.AuthorId, c.Status, c.ModerationReason, c.Article!.Slug })
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is null)
        {
            return null;
        }

        // The same post again (a retry, a double click): say what became of the comment it already made.
        if (existing.AuthorId != userId)
        {
            return new(CommentResult.Invalid, "This form has expired. Please reload the page and post again.");
        }

        var reason = string.IsNullOrEmpty(existing.ModerationReason) ? "" : " " + existing.ModerationReason;
        return existing.Status switch
        {
            CommentStatus.Pending => new(CommentResult.Held, $"Thanks.{(reason.Length > 0 ? reason : " Held for review: an editor will read it before it appears.")}", existing.Id, existing.Slug),
            CommentStatus.Rejected => new(CommentResult.Rejected, $"This comment was already posted and was not published.{reason}", existing.Id, existing.Slug),
            CommentStatus.Removed => new(CommentResult.Rejected, "This comment was already posted and has been removed by the moderators.", existing.Id, existing.Slug),
            CommentStatus.Withdrawn => new(CommentResult.Invalid, "You already posted this comment and then deleted it."),
            _ => new(CommentResult.Published, "Your comment is published.", existing.Id, existing.Slug),
        };
    }

    /// <summary>Comments as a reader may see them: hidden ones keep only their place in the thread.</summary>
    private IQueryable<CommentRow> Rows(IQueryable<Comment> comments, string? viewerId, DateTimeOffset now)
    {
        var subscribed = Entitlements.ActiveAt(now, TimeSpan.FromDays(subscriptions.Value.GraceDays));
        var staffRoles = db.Roles.Where(r => Roles.All.Contains(r.Name!)).Select(r => r.Id);
        return comments.AsNoTracking()
            .OrderBy(c => c.Path)
            .Select(c => new
            {
                Comment = c,
                // An author sees their own held and rejected comments, marked; nobody else does.
                Shown = c.Status == CommentStatus.Published || c.Status == CommentStatus.Approved
                    || ((c.Status == CommentStatus.Pending || c.Status == CommentStatus.Rejected) && c.AuthorId == viewerId),
                Own = viewerId != null && c.AuthorId == viewerId,
            })
            .Select(x => new CommentRow(
                x.Comment.Id,
                x.Comment.ParentId,
                x.Comment.Depth,
                x.Comment.Path,
                x.Comment.Status,
                x.Shown,
                x.Shown ? x.Comment.Author!.DisplayName : null,
                x.Shown ? x.Comment.BodyHtml : null,
                x.Comment.CreatedAt,
                x.Comment.EditedAt,
                x.Comment.RecommendCount,
                db.UserRoles.Any(ur => ur.UserId == x.Comment.AuthorId && staffRoles.Contains(ur.RoleId)),
                db.Subscriptions.Where(subscribed).Any(s => s.UserId == x.Comment.AuthorId),
                x.Own,
                viewerId != null && db.CommentRecommendations.Any(r => r.CommentId == x.Comment.Id && r.UserId == viewerId),
                x.Shown && x.Comment.IsFeatured,
                x.Own ? x.Comment.ModerationReason : null,
                x.Own ? x.Comment.ModeratorNote : null,
                x.Comment.AuthorId));
    }
}
