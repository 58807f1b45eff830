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
    public static bool IsVisible(this CommentStatus status) =>
        status is CommentStatus.Published or CommentStatus.Approved;
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

    /// <summary>0 for a top-level comment.</summary>
    public int Depth { get; set; }

    /// <summary>
    /// Zero-padded ids from the thread's root down to this comment, dot-separated, so that one ORDER BY Path
    /// returns a whole thread in reading order.
    /// </summary>
    public string Path { get; set; } = "";

    public int RecommendCount { get; set; }

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
    }
}
