namespace Blog.Web.Domain;

public enum CommentStatus
{
    /// <summary>Held before publication.</summary>
    Pending = 0,

    /// <summary>Visible, not yet reviewed by a human.</summary>
    Published = 1,

    /// <summary>Visible and reviewed.</summary>
    Approved = 2,

    /// <summary>Hidden by a moderator, with a reason.</summary>
    Rejected = 3,

    /// <summary>Deleted by its author.</summary>
    Withdrawn = 4,

    /// <summary>Taken down on a legal ground.</summary>
    Removed = 5,
}

public static class CommentStatusRules
{
    /// <summary>Shown to readers: published (not yet reviewed) or approved. The one definition, in memory and in SQL.</summary>
    public static bool IsVisible(this CommentStatus status) =>
        status is CommentStatus.Published or CommentStatus.Approved;

    /// <summary><see cref="IsVisible"/> as an expression for queries.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<Comment, bool>> Visible =
        c => c.Status == CommentStatus.Published || c.Status == CommentStatus.Approved;
}

public sealed class Comment
{
    /// <summary>Width of one materialised-path segment: ids up to 10^10 sort correctly as text.</summary>
    public const int PathSegmentWidth = 10;

    public long Id { get; set; }

    public int ArticleId { get; set; }

    public Article? Article { get; set; }

    public long? ParentId { get; set; }

    public Comment? Parent { get; set; }

    public string AuthorId { get; set; } = "";

    public BlogUser? Author { get; set; }

    public string Body { get; set; } = "";

    /// <summary>Sanitised HTML rendered from <see cref="Body"/> when it was written.</summary>
    public string BodyHtml { get; set; } = "";

    public int RenderVersion { get; set; }

    public CommentStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? EditedAt { get; set; }

    /// <summary>The top-level comment of this thread (its own id for a top-level comment): replies page with it.</summary>
    public long RootId { get; set; }

    /// <summary>0 for a top-level comment.</summary>
    public int Depth { get; set; }

    /// <summary>
    /// Zero-padded ids from the thread's root down to this comment, dot-separated, so that one ORDER BY Path
    /// returns a whole thread in reading order.
    /// </summary>
    public string Path { get; set; } = "";

    public int RecommendCount { get; set; }

    /// <summary>Why the comment is where it is, in the author's words (the latest routing or moderation reason).</summary>
    public string ModerationReason { get; set; } = "";

    /// <summary>The rule or reason code behind <see cref="ModerationReason"/>, for queue filters.</summary>
    public string ModerationCode { get; set; } = "";

    /// <summary>A moderator's note to the author about a rejection.</summary>
    public string ModeratorNote { get; set; } = "";

    /// <summary>Editor's pick: shown first and marked.</summary>
    public bool IsFeatured { get; set; }

    /// <summary>When a moderator first opened this comment while it had open reports (the host's knowledge).</summary>
    public DateTimeOffset? ReportSeenAt { get; set; }

    /// <summary>For a comment held as a possible suppression breach: the order and the term that matched (moderators only).</summary>
    public int? SuppressionOrderId { get; set; }

    public string? SuppressionTerm { get; set; }

    /// <summary>One per comment form: a retried or double-clicked post stores one comment.</summary>
    public Guid IdempotencyKey { get; set; }

    public static string PathSegment(long id) => id.ToString(new string('0', PathSegmentWidth), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Places this comment in its thread once it has an id.</summary>
    public void AssignPath(Comment? parent)
    {
        if (Id <= 0)
        {
            throw new InvalidOperationException("A comment needs its id before it can be placed in a thread.");
        }

        Depth = parent is null ? 0 : parent.Depth + 1;
        Path = parent is null ? PathSegment(Id) : $"{parent.Path}.{PathSegment(Id)}";
        RootId = parent?.RootId ?? Id;
    }

    /// <summary>The ids of every ancestor, root first, read from the path.</summary>
    public static IReadOnlyList<long> AncestorIds(string path) =>
        path.Split('.').SkipLast(1).Select(s => long.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    /// <summary>Whether the author may still change the text: within the edit window, and not taken down.</summary>
    public bool CanBeEditedBy(string userId, DateTimeOffset now, TimeSpan window) =>
        AuthorId == userId && IsEditable(Status, CreatedAt, now, window);

    /// <summary>The edit window: the one rule, for a comment and for a row drawn from one.</summary>
    public static bool IsEditable(CommentStatus status, DateTimeOffset createdAt, DateTimeOffset now, TimeSpan window) =>
        now - createdAt <= window && status is CommentStatus.Pending or CommentStatus.Published or CommentStatus.Approved;

    /// <summary>Replaces the text, keeping the old one as a revision for editors.</summary>
    public CommentRevision Revise(string body, string bodyHtml, int renderVersion, DateTimeOffset now)
    {
        if (Status is not (CommentStatus.Pending or CommentStatus.Published or CommentStatus.Approved))
        {
            throw new InvalidOperationException($"A {Status} comment cannot be edited.");
        }

        var revision = new CommentRevision { CommentId = Id, Body = Body, BodyHtml = BodyHtml, WrittenAt = EditedAt ?? CreatedAt, ReplacedAt = now };
        Body = body;
        BodyHtml = bodyHtml;
        RenderVersion = renderVersion;
        EditedAt = now;
        return revision;
    }

    /// <summary>A moderator approves: held or unreviewed comments become visible and reviewed.</summary>
    public void Approve()
    {
        if (Status is not (CommentStatus.Pending or CommentStatus.Published))
        {
            throw new InvalidOperationException($"A {Status} comment cannot be approved.");
        }

        Status = CommentStatus.Approved;
    }

    /// <summary>A moderator keeps a reported comment up: it stays visible, now as reviewed (its reports are closed).</summary>
    public void Keep()
    {
        if (!Status.IsVisible())
        {
            throw new InvalidOperationException($"A {Status} comment is not up, so it cannot be kept up.");
        }

        Status = CommentStatus.Approved;
    }

    /// <summary>A moderator rejects, always with a ground; the author is told it and the note.</summary>
    public void Reject(string reasonCode, string reason, string note)
    {
        if (Status is not (CommentStatus.Pending or CommentStatus.Published or CommentStatus.Approved))
        {
            throw new InvalidOperationException($"A {Status} comment cannot be rejected.");
        }

        if (string.IsNullOrWhiteSpace(reasonCode))
        {
            throw new InvalidOperationException("A rejection needs a ground.");
        }

        Status = CommentStatus.Rejected;
        IsFeatured = false;
        ModerationCode = reasonCode;
        ModerationReason = reason;
        ModeratorNote = note;
    }

    /// <summary>Reverses a rejection: the comment is visible again, as reviewed.</summary>
    public void Restore()
    {
        if (Status != CommentStatus.Rejected)
        {
            throw new InvalidOperationException($"A {Status} comment cannot be restored.");
        }

        Status = CommentStatus.Approved;
        ModeratorNote = "";
    }

    public void Feature(bool featured)
    {
        if (featured && !Status.IsVisible())
        {
            throw new InvalidOperationException("Only a visible comment can be featured.");
        }

        IsFeatured = featured;
    }

    /// <summary>Hidden until a moderator reviews it (enough readers reported it).</summary>
    public void HoldForReview(string code, string reason)
    {
        if (!Status.IsVisible())
        {
            throw new InvalidOperationException($"A {Status} comment is not visible, so it cannot be held.");
        }

        Status = CommentStatus.Pending;
        IsFeatured = false;
        ModerationCode = code;
        ModerationReason = reason;
    }

    /// <summary>
    /// A suppression order's terms match this comment: it is hidden (or stays held) as a possible breach, never
    /// published automatically, and moderators are shown which order and term matched.
    /// </summary>
    public void HoldAsPossibleBreach(Moderation.SuppressedTerm hit, string reason)
    {
        if (Status is not (CommentStatus.Pending or CommentStatus.Published or CommentStatus.Approved))
        {
            throw new InvalidOperationException($"A {Status} comment is not shown, so it cannot be held.");
        }

        Status = CommentStatus.Pending;
        IsFeatured = false;
        ModerationCode = "suppression";
        ModerationReason = reason;
        SuppressionOrderId = hit.OrderId;
        SuppressionTerm = hit.Term;
    }

    /// <summary>Taken down on a legal ground (a statutory complaint): hidden everywhere, with the ground for the author.</summary>
    public void Remove(string code, string reason)
    {
        if (Status is not (CommentStatus.Pending or CommentStatus.Published or CommentStatus.Approved))
        {
            throw new InvalidOperationException($"A {Status} comment is not shown, so it cannot be removed.");
        }

        Status = CommentStatus.Removed;
        IsFeatured = false;
        ModerationCode = code;
        ModerationReason = reason;
    }

    /// <summary>Brings back a comment taken down on a legal ground (a counter-notice's waiting period ended, or an appeal succeeded).</summary>
    public void Reinstate()
    {
        if (Status != CommentStatus.Removed)
        {
            throw new InvalidOperationException($"A {Status} comment was not removed, so it cannot be reinstated.");
        }

        Status = CommentStatus.Approved;
        ModeratorNote = "";
    }

    /// <summary>The author deletes their comment. Its replies stay; the thread shows "[deleted]" in its place.</summary>
    public void Withdraw()
    {
        if (Status is CommentStatus.Withdrawn or CommentStatus.Removed)
        {
            throw new InvalidOperationException($"A {Status} comment cannot be withdrawn.");
        }

        Status = CommentStatus.Withdrawn;
    }
}

/// <summary>An earlier text of an edited comment, kept for editors.</summary>
public sealed class CommentRevision
{
    public long Id { get; set; }

    public long CommentId { get; set; }

    public string Body { get; set; } = "";

    public string BodyHtml { get; set; } = "";

    /// <summary>When this text was written (the comment's creation or an earlier edit).</summary>
    public DateTimeOffset WrittenAt { get; set; }

    public DateTimeOffset ReplacedAt { get; set; }
}

/// <summary>One reader's recommendation of a comment; the comment keeps the count.</summary>
public sealed class CommentRecommendation
{
    public long CommentId { get; set; }

    public string UserId { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
