namespace Blog.Web.Domain;

public enum ArticleStatus
{
    Draft = 0,
    Scheduled = 1,
    Published = 2,
}

public enum ArticleVisibility
{
    Everyone = 0,
    Subscribers = 1,
}

public enum CommentMode
{
    Open = 0,
    PreModerated = 1,
    Closed = 2,
}

public sealed class Article
{
    public int Id { get; set; }

    public string Slug { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>The one- or two-sentence summary shown under the headline and in lists.</summary>
    public string Standfirst { get; set; } = "";

    public string Body { get; set; } = "";

    /// <summary>Sanitised HTML rendered from <see cref="Body"/> at save time.</summary>
    public string BodyHtml { get; set; } = "";

    public int RenderVersion { get; set; }

    public string AuthorId { get; set; } = "";

    public BlogUser? Author { get; set; }

    public ArticleStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int? CaseId { get; set; }

    public Case? Case { get; set; }

    public ArticleVisibility Visibility { get; set; }

    public CommentMode CommentMode { get; set; }

    public DateTimeOffset? CommentsCloseAt { get; set; }

    public string CorrectionsNote { get; set; } = "";

    public List<Tag> Tags { get; set; } = [];

    public List<Comment> Comments { get; set; } = [];

    /// <summary>Readers see an article only once it is published and its time has come.</summary>
    public bool IsVisibleToReaders(DateTimeOffset now) =>
        Status == ArticleStatus.Published && PublishedAt is { } at && at <= now;
}

public sealed class Tag
{
    public int Id { get; set; }

    public string Slug { get; set; } = "";

    public string Name { get; set; } = "";

    public List<Article> Articles { get; set; } = [];
}
