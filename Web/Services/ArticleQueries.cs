using Blog.Web.Data;
using Blog.Web.Domain;
using Blog.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Blog.Web.Infrastructure.Caching;

namespace Blog.Web.Services;

public sealed record ArticleSummary(
    int Id,
    string Slug,
    string Title,
    string Standfirst,
    DateTimeOffset PublishedAt,
    string AuthorName,
    string? AuthorSlug,
    string? CaseName,
    string? CaseSlug,
    ArticleVisibility Visibility,
    int CommentCount,
    ImageRef? Image = null);

public sealed record CaseBox(int Id, string Slug, string Name, string Citation, string Court, ProceedingsStatus Status);

public sealed record TagLink(string Slug, string Name);

public sealed record ArticleView(
    int Id,
    string Slug,
    string Title,
    string Standfirst,
    string BodyHtml,
    string TeaserHtml,
    ArticleVisibility Visibility,
    string AuthorName,
    string? AuthorSlug,
    DateTimeOffset PublishedAt,
    DateTimeOffset UpdatedAt,
    string CorrectionsNote,
    CaseBox? Case,
    IReadOnlyList<TagLink> Tags,
    CommentMode CommentMode,
    DateTimeOffset? CommentsCloseAt,
    int CommentCount,
    ImageRef? Image = null);

/// <summary>An article page lookup: the article, a permanent redirect from an old slug, or nothing.</summary>
public sealed record ArticleLookup(ArticleView? Article, string? MovedTo);

public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount)
{
    public int PageCount => Math.Max(1, (int)Math.Ceiling(TotalCount / (double)PageSize));

    public bool HasPrevious => PageNumber > 1;

    public bool HasNext => PageNumber < PageCount;
}

public sealed record TagPage(string Name, Page<ArticleSummary> Articles);

public sealed record AuthorPage(string Name, Page<ArticleSummary> Articles);

/// <summary>Read side of articles for readers: only what <see cref="Published"/> lets through, everywhere.</summary>
public sealed class ArticleQueries(BlogDbContext db, TimeProvider clock, SiteCache cache)
{
    public const int PageSize = 10;

    /// <summary>
    /// The one definition of "readers may see it" in SQL, matching <see cref="Article.IsVisibleToReaders"/>:
    /// every list, page, feed, search result and sitemap entry starts here.
    /// </summary>
    public IQueryable<Article> Published()
    {
        var now = clock.GetUtcNow();
        return db.Articles.AsNoTracking()
            .Where(a => (a.Status == ArticleStatus.Published || a.Status == ArticleStatus.Scheduled)
                && a.PublishedAt != null && a.PublishedAt <= now);
    }

    public Task<Page<ArticleSummary>> LatestAsync(int page, CancellationToken cancellationToken) =>
        PageAsync(Published(), page, cancellationToken);

    public async Task<TagPage?> ByTagAsync(string slug, int page, CancellationToken cancellationToken)
    {
        var name = await db.Tags.AsNoTracking().Where(t => t.Slug == slug).Select(t => t.Name).FirstOrDefaultAsync(cancellationToken);
        return name is null ? null
            : new TagPage(name, await PageAsync(Published().Where(a => a.Tags.Any(t => t.Slug == slug)), page, cancellationToken));
    }

    public async Task<AuthorPage?> ByAuthorAsync(string slug, int page, CancellationToken cancellationToken)
    {
        var name = await db.Users.AsNoTracking().Where(u => u.AuthorSlug == slug).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        return name is null ? null
            : new AuthorPage(name, await PageAsync(Published().Where(a => a.Author!.AuthorSlug == slug), page, cancellationToken));
    }

    public IQueryable<ArticleSummary> Summaries(IQueryable<Article> articles) =>
        articles.Select(a => new ArticleSummary(
            a.Id,
            a.Slug,
            a.Title,
            a.Standfirst,
            a.PublishedAt!.Value,
            a.Author!.DisplayName,
            a.Author.AuthorSlug,
            a.Case != null ? a.Case.Name : null,
            a.Case != null ? a.Case.Slug : null,
            a.Visibility,
            a.Comments.AsQueryable().Count(CommentStatusRules.Visible),
            a.FeatureImage == null ? null : new ImageRef(a.FeatureImage.Id, a.FeatureImage.Widths, a.FeatureImage.Width, a.FeatureImage.Height, a.FeatureImageAlt)));

    public const int RelatedCount = 4;

    /// <summary>
    /// Other coverage for under an article: the same case first, then the most tags in common, newest first within
    /// each. Kept under the article's tag and the lists' (any article published or changed may join or leave it).
    /// </summary>
    public async Task<IReadOnlyList<ArticleSummary>> RelatedAsync(ArticleView article, CancellationToken cancellationToken)
    {
        var caseId = article.Case?.Id;
        var tagSlugs = article.Tags.Select(t => t.Slug).ToList();
        if (caseId is null && tagSlugs.Count == 0)
        {
            return [];
        }

        return await cache.GetOrLoadAsync("related:" + article.Id, [CacheTags.Article(article.Id), CacheTags.Lists], async token =>
            (IReadOnlyList<ArticleSummary>)await Summaries(Published()
                    .Where(a => a.Id != article.Id && ((caseId != null && a.CaseId == caseId) || a.Tags.Any(t => tagSlugs.Contains(t.Slug))))
                    .OrderByDescending(a => caseId != null && a.CaseId == caseId)
                    .ThenByDescending(a => a.Tags.Count(t => tagSlugs.Contains(t.Slug)))
                    .ThenByDescending(a => a.PublishedAt)
                    .Take(RelatedCount))
                .ToListAsync(token),
            cancellationToken, size: related => 1024 + 512L * related.Count);
    }

    /// <summary>
    /// An article by its address (or where it moved). Every article page asks this, signed in or not, so the answer
    /// is kept under the article's tag: any write to it or its comments makes the next lookup fresh. It is looked up
    /// by slug before its id is known, so the tag is the one of the article found.
    /// </summary>
    public async Task<ArticleLookup> BySlugAsync(string slug, CancellationToken cancellationToken)
    {
        // Only addresses that lead somewhere are kept: unknown slugs cost a query each, never an entry.
        var lookup = await cache.GetOrLoadAsync("article:" + slug, [], token => LoadBySlugAsync(slug, token), cancellationToken,
            keepIf: found => found.Article is not null || found.MovedTo is not null,
            size: found => 1024 + 2L * (found.Article?.BodyHtml.Length ?? 0),
            tagsOf: found => found.Article is { } article ? [CacheTags.Article(article.Id)] : [CacheTags.Lists]);
        return lookup;
    }

    private async Task<ArticleLookup> LoadBySlugAsync(string slug, CancellationToken cancellationToken)
    {
        var article = await Published()
            .Where(a => a.Slug == slug)
            .Select(a => new
            {
                a.Id, a.Slug, a.Title, a.Standfirst, a.BodyHtml, a.TeaserHtml, a.Visibility,
                AuthorName = a.Author!.DisplayName, a.Author.AuthorSlug,
                PublishedAt = a.PublishedAt!.Value, a.UpdatedAt, a.CorrectionsNote, a.CommentMode, a.CommentsCloseAt,
                CommentCount = a.Comments.AsQueryable().Count(CommentStatusRules.Visible),
                Image = a.FeatureImage == null ? null : new ImageRef(a.FeatureImage.Id, a.FeatureImage.Widths, a.FeatureImage.Width, a.FeatureImage.Height, a.FeatureImageAlt),
                Case = a.Case == null ? null : new { a.Case.Id, a.Case.Slug, a.Case.Name, a.Case.Citations, a.Case.Court, a.Case.ProceedingsStatus },
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            var movedTo = await Published()
                .Where(a => db.ArticleSlugRedirects.Any(r => r.OldSlug == slug && r.ArticleId == a.Id))
                .Select(a => a.Slug)
                .FirstOrDefaultAsync(cancellationToken);
            return new ArticleLookup(null, movedTo);
        }

        // A query of its own: joined into the one above, SQLite built every article's tags into a temporary table.
        var tags = await db.Articles.AsNoTracking().Where(a => a.Id == article.Id)
            .SelectMany(a => a.Tags).OrderBy(t => t.Name).Select(t => new TagLink(t.Slug, t.Name))
            .ToListAsync(cancellationToken);
        var caseBox = article.Case is null ? null : new CaseBox(
            article.Case.Id,
            article.Case.Slug,
            article.Case.Name,
            LineList.First(article.Case.Citations),
            article.Case.Court,
            article.Case.ProceedingsStatus);

        return new ArticleLookup(new ArticleView(
            article.Id, article.Slug, article.Title, article.Standfirst, article.BodyHtml, article.TeaserHtml,
            article.Visibility, article.AuthorName, article.AuthorSlug, article.PublishedAt, article.UpdatedAt,
            article.CorrectionsNote, caseBox, tags, article.CommentMode, article.CommentsCloseAt,
            article.CommentCount, article.Image), null);
    }

    private async Task<Page<ArticleSummary>> PageAsync(IQueryable<Article> query, int page, CancellationToken cancellationToken)
    {
        page = Math.Max(1, page);
        var total = await query.CountAsync(cancellationToken);
        var items = await Summaries(query.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
                .Skip((page - 1) * PageSize).Take(PageSize))
            .ToListAsync(cancellationToken);
        return new Page<ArticleSummary>(items, page, PageSize, total);
    }
}
