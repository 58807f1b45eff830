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

    /// <summary>The opening of <see cref="BodyHtml"/>, shown to readers a subscriber-only article is closed to.</summary>
    public string TeaserHtml { get; set; } = "";

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

    /// <summary>The picture at the head of the article, with home and list pages, Open Graph and JSON-LD.</summary>
    public string? FeatureImageId { get; set; }

    public MediaImage? FeatureImage { get; set; }

    /// <summary>What the picture shows, for readers who cannot see it: required with a picture.</summary>
    public string FeatureImageAlt { get; set; } = "";

    public List<Tag> Tags { get; set; } = [];

    public List<Comment> Comments { get; set; } = [];

    /// <summary>
    /// Readers see an article once it is published, or scheduled and its time has come: a scheduled article
    /// appears on time by this rule alone (the background job that records it as published only makes the cached
    /// lists show it at that moment).
    /// </summary>
    public bool IsVisibleToReaders(DateTimeOffset now) =>
        Status is ArticleStatus.Published or ArticleStatus.Scheduled && PublishedAt is { } at && at <= now;

    /// <summary>What the newsroom should call the article now: a scheduled article whose time has passed is live.</summary>
    public ArticleStatus EffectiveStatus(DateTimeOffset now) =>
        Status == ArticleStatus.Scheduled && PublishedAt <= now ? ArticleStatus.Published : Status;

    public void SaveAsDraft(DateTimeOffset now)
    {
        if (Status != ArticleStatus.Draft)
        {
            throw new InvalidOperationException("Only a draft is saved as a draft; unpublish the article first.");
        }

        UpdatedAt = now;
    }

    /// <summary>Publishes now. Republishing keeps the original publication time.</summary>
    public void Publish(DateTimeOffset now)
    {
        if (IsVisibleToReaders(now))
        {
            UpdatedAt = now;
            return;
        }

        Status = ArticleStatus.Published;
        PublishedAt = now;
        UpdatedAt = now;
    }

    public PublishingRefusal Schedule(DateTimeOffset at, DateTimeOffset now)
    {
        if (at <= now)
        {
            return PublishingRefusal.ScheduleInThePast;
        }

        if (IsVisibleToReaders(now))
        {
            return PublishingRefusal.AlreadyPublished;
        }

        Status = ArticleStatus.Scheduled;
        PublishedAt = at;
        UpdatedAt = now;
        return PublishingRefusal.None;
    }

    /// <summary>
    /// Records a scheduled article whose time has come as published (readers already see it); false when it is not
    /// one. Its publication time stays the scheduled one.
    /// </summary>
    public bool GoLive(DateTimeOffset now)
    {
        if (Status != ArticleStatus.Scheduled || PublishedAt > now)
        {
            return false;
        }

        Status = ArticleStatus.Published;
        return true;
    }

    /// <summary>Takes the article back to a draft: it disappears from every reader surface at once.</summary>
    public PublishingRefusal Unpublish(DateTimeOffset now)
    {
        if (Status == ArticleStatus.Draft)
        {
            return PublishingRefusal.NotPublished;
        }

        Status = ArticleStatus.Draft;
        PublishedAt = null;
        UpdatedAt = now;
        return PublishingRefusal.None;
    }
}

public enum PublishingRefusal
{
    None = 0,
    ScheduleInThePast = 1,
    AlreadyPublished = 2,
    NotPublished = 3,
}

public sealed class ArticleSlugRedirect
{
    public int Id { get; set; }

    /// <summary>A slug the article used to have; requests for it are answered with a 301 to the current one.</summary>
    public string OldSlug { get; set; } = "";

    public int ArticleId { get; set; }

    public Article? Article { get; set; }
}

public sealed class Tag
{
    public int Id { get; set; }

    public string Slug { get; set; } = "";

    public string Name { get; set; } = "";

    public List<Article> Articles { get; set; } = [];
}
