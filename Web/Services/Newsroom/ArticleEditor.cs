using Blog.Web.Data;
using Blog.Web.Domain;
using Blog.Web.Infrastructure;
using Blog.Web.Services.Media;
using Blog.Web.Services.Search;
using Blog.Web.Services.Settings;
using Microsoft.EntityFrameworkCore;

namespace Blog.Web.Services.Newsroom;

public enum ArticleAction
{
    /// <summary>Save the changes; a draft stays a draft, a live article stays live.</summary>
    Save,
    Publish,
    Schedule,
    Unpublish,
}

public sealed record ArticleInput(
    string Title,
    string? Slug,
    string Standfirst,
    string Body,
    string Tags,
    int? CaseId,
    ArticleVisibility Visibility,
    CommentMode CommentMode,
    DateTimeOffset? CommentsCloseAt,
    string CorrectionsNote,
    string? FeatureImageId = null,
    string FeatureImageAlt = "");

public sealed record ArticleSaveOutcome(bool Succeeded, int Id, string Slug, string Message, IReadOnlyList<string> Errors)
{
    public static ArticleSaveOutcome Refused(params string[] errors) => new(false, 0, "", "", errors);
}

public sealed record ArticleForm(int Id, ArticleInput Input, ArticleStatus Status, DateTimeOffset? PublishedAt, string CurrentSlug);

public sealed record ArticleListItem(int Id, string Title, string Slug, ArticleStatus Status, DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt, string AuthorName, string? CaseName);

/// <summary>The newsroom's write side for articles: load, change through the domain, render once, save once, index.</summary>
public sealed class ArticleEditor(BlogDbContext db, MarkdownRenderer renderer, ISearchIndex search, SiteSettingsStore settings, TimeProvider clock)
{
    public const int MaxTags = 10;

    public async Task<IReadOnlyList<ArticleListItem>> ListAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var items = await db.Articles.AsNoTracking()
            .OrderByDescending(a => a.UpdatedAt)
            .Select(a => new ArticleListItem(a.Id, a.Title, a.Slug, a.Status, a.PublishedAt, a.UpdatedAt, a.Author!.DisplayName, a.Case != null ? a.Case.Name : null))
            .ToListAsync(cancellationToken);
        // Scheduled articles whose time has come are listed as published.
        return items.Select(i => i.Status == ArticleStatus.Scheduled && i.PublishedAt <= now ? i with { Status = ArticleStatus.Published } : i).ToList();
    }

    public async Task<ArticleForm?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking().Include(a => a.Tags).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        return article is null ? null : new ArticleForm(article.Id,
            new ArticleInput(article.Title, article.Slug, article.Standfirst, article.Body, string.Join(", ", article.Tags.Select(t => t.Name)),
                article.CaseId, article.Visibility, article.CommentMode, article.CommentsCloseAt, article.CorrectionsNote,
                article.FeatureImageId, article.FeatureImageAlt),
            article.EffectiveStatus(clock.GetUtcNow()), article.PublishedAt, article.Slug);
    }

    /// <summary>The body drawn as readers would see it, or null when it nests too deeply to draw.</summary>
    public async Task<string?> PreviewAsync(string body, CancellationToken cancellationToken) =>
        renderer.TryRenderArticle(body, await BodyPictures.LoadAsync(db, body, cancellationToken), out var html) ? html : null;

    public async Task<ArticleSaveOutcome> SaveAsync(int? id, ArticleInput input, ArticleAction action, DateTimeOffset? scheduleAt, string editorId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var article = id is null ? null
            : await db.Articles.Include(a => a.Tags).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (id is not null && article is null)
        {
            return ArticleSaveOutcome.Refused("That article no longer exists.");
        }

        if (!renderer.TryRenderArticle(input.Body, await BodyPictures.LoadAsync(db, input.Body, cancellationToken), out var bodyHtml))
        {
            return ArticleSaveOutcome.Refused(MarkdownRenderer.TooDeeplyNested);
        }

        var tagNames = ParseTags(input.Tags);
        if (tagNames.Count > MaxTags)
        {
            return ArticleSaveOutcome.Refused($"An article can have at most {MaxTags} tags.");
        }

        if (input.CaseId is { } caseId && !await db.Cases.AnyAsync(c => c.Id == caseId, cancellationToken))
        {
            return ArticleSaveOutcome.Refused("That case record does not exist.");
        }

        if (input.FeatureImageId is { } imageId && (!MediaImage.IsId(imageId) || !await db.MediaImages.AnyAsync(m => m.Id == imageId, cancellationToken)))
        {
            return ArticleSaveOutcome.Refused("That picture is no longer there: upload it again.");
        }

        if (input.FeatureImageId is not null && string.IsNullOrWhiteSpace(input.FeatureImageAlt))
        {
            return ArticleSaveOutcome.Refused("Say what the picture shows (its alternative text), for readers who cannot see it.");
        }

        if (input.FeatureImageAlt.Trim().Length > MediaImage.AltMaxLength)
        {
            return ArticleSaveOutcome.Refused($"The picture's alternative text is at most {MediaImage.AltMaxLength} characters.");
        }

        var slug = await ChooseSlugAsync(article, input, cancellationToken);
        if (slug is null)
        {
            return ArticleSaveOutcome.Refused("Another article already uses that address (slug). Choose another, or leave it empty to make one from the title.");
        }

        if (article is null)
        {
            article = new Article { AuthorId = editorId, CreatedAt = now, UpdatedAt = now, Status = ArticleStatus.Draft };
            db.Articles.Add(article);
            await EnsureAuthorSlugAsync(editorId, cancellationToken);
        }

        if (article.Slug.Length > 0 && article.Slug != slug)
        {
            // The old address keeps working: a 301 to the new one.
            db.ArticleSlugRedirects.Add(new ArticleSlugRedirect { OldSlug = article.Slug, Article = article });
        }

        await db.ArticleSlugRedirects.Where(r => r.OldSlug == slug).ExecuteDeleteAsync(cancellationToken);

        article.Title = input.Title.Trim();
        article.Slug = slug;
        article.Standfirst = input.Standfirst.Trim();
        article.Body = input.Body;
        article.BodyHtml = bodyHtml;
        article.TeaserHtml = MarkdownRenderer.Teaser(article.BodyHtml, paragraphs: 2);
        article.RenderVersion = MarkdownRenderer.PipelineVersion;
        article.CaseId = input.CaseId;
        article.Visibility = input.Visibility;
        article.CommentMode = input.CommentMode;
        article.CommentsCloseAt = input.CommentsCloseAt;
        article.CorrectionsNote = input.CorrectionsNote.Trim();
        article.FeatureImageId = input.FeatureImageId;
        article.FeatureImageAlt = input.FeatureImageId is null ? "" : input.FeatureImageAlt.Trim();
        article.UpdatedAt = now;
        article.Tags = await TagsAsync(tagNames, cancellationToken);

        string message;
        switch (action)
        {
            case ArticleAction.Publish:
                article.Publish(now);
                message = "Published: the article is live.";
                break;
            case ArticleAction.Schedule:
                if (scheduleAt is not { } at)
                {
                    return ArticleSaveOutcome.Refused("Choose the date and time to publish at.");
                }

                var refusal = article.Schedule(at, now);
                if (refusal is not PublishingRefusal.None)
                {
                    return ArticleSaveOutcome.Refused(refusal switch
                    {
                        PublishingRefusal.ScheduleInThePast => "The publication time must be in the future. To publish now, use Publish now.",
                        _ => "The article is already live. Unpublish it first to schedule it again.",
                    });
                }

                message = $"Scheduled: the article goes live at {(await settings.TimeAsync(cancellationToken)).LongText(at)}.";
                break;
            case ArticleAction.Unpublish:
                if (article.Unpublish(now) is not PublishingRefusal.None)
                {
                    return ArticleSaveOutcome.Refused("The article is not published.");
                }

                message = "Unpublished: the article is a draft again and readers can no longer see it.";
                break;
            default:
                message = article.IsVisibleToReaders(now) ? "Saved: the changes are live." : "Saved.";
                break;
        }

        // One transaction for the article and its search entry: the cache is evicted once both are committed.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await search.IndexArticleAsync(article.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ArticleSaveOutcome(true, article.Id, article.Slug, message, []);
    }

    internal static List<string> ParseTags(string tags) =>
        tags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(t => Slug.From(t).Length > 0)
            .Select(t => t.Length > 40 ? t[..40].Trim() : t)
            .DistinctBy(Slug.From)
            .ToList();

    private async Task<string?> ChooseSlugAsync(Article? article, ArticleInput input, CancellationToken cancellationToken)
    {
        var id = article?.Id ?? 0;
        var wanted = Slug.From(string.IsNullOrWhiteSpace(input.Slug) ? input.Title : input.Slug);
        if (wanted.Length == 0)
        {
            wanted = "untitled";
        }

        var taken = (await db.Articles.Where(a => a.Id != id && a.Slug.StartsWith(wanted)).Select(a => a.Slug).ToListAsync(cancellationToken))
            .Concat(await db.ArticleSlugRedirects.Where(r => r.ArticleId != id && r.OldSlug.StartsWith(wanted)).Select(r => r.OldSlug).ToListAsync(cancellationToken))
            .ToHashSet();
        var explicitSlug = !string.IsNullOrWhiteSpace(input.Slug) && Slug.From(input.Slug) != article?.Slug;
        if (explicitSlug && taken.Contains(wanted))
        {
            return null;
        }

        // An article keeps its slug when the title changes; an empty slug box on a new article follows the title.
        if (article is not null && string.IsNullOrWhiteSpace(input.Slug))
        {
            return article.Slug;
        }

        return Slug.Unique(wanted, input.Title, taken.Contains);
    }

    private async Task<List<Tag>> TagsAsync(List<string> names, CancellationToken cancellationToken)
    {
        var slugs = names.Select(Slug.From).ToList();
        var existing = await db.Tags.Where(t => slugs.Contains(t.Slug)).ToListAsync(cancellationToken);
        return names.Select(name => existing.FirstOrDefault(t => t.Slug == Slug.From(name)) ?? new Tag { Name = name, Slug = Slug.From(name) }).ToList();
    }

    private async Task EnsureAuthorSlugAsync(string userId, CancellationToken cancellationToken)
    {
        var author = await db.Users.FirstAsync(u => u.Id == userId, cancellationToken);
        if (author.AuthorSlug is not null)
        {
            return;
        }

        var wanted = Slug.From(author.DisplayName);
        var taken = await db.Users.Where(u => u.AuthorSlug != null && u.AuthorSlug.StartsWith(wanted)).Select(u => u.AuthorSlug!).ToListAsync(cancellationToken);
        author.AuthorSlug = Slug.Unique(wanted, "author", taken.Contains);
    }
}
