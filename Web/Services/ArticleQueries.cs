using Blog.Web.Data;
using Blog.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Blog.Web.Services;

public sealed record ArticleSummary(
    string Slug,
    string Title,
    string Standfirst,
    DateTimeOffset PublishedAt,
    string AuthorName,
    string? CaseName,
    string? CaseSlug,
    int CommentCount);

public sealed record CaseBox(string Slug, string Name, string Citation, string Court, ProceedingsStatus Status);

public sealed record ArticleView(
    int Id,
    string Slug,
    string Title,
    string Standfirst,
    string BodyHtml,
    string AuthorName,
    DateTimeOffset PublishedAt,
    DateTimeOffset UpdatedAt,
    string CorrectionsNote,
    CaseBox? Case,
    IReadOnlyList<string> Tags,
    CommentMode CommentMode,
    int CommentCount,
    IReadOnlyList<CommentNode> Comments);

public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount)
{
    public int PageCount => Math.Max(1, (int)Math.Ceiling(TotalCount / (double)PageSize));

    public bool HasPrevious => PageNumber > 1;

    public bool HasNext => PageNumber < PageCount;
}

/// <summary>Read side of articles for readers: only published articles whose time has come.</summary>
public sealed class ArticleQueries(BlogDbContext db, TimeProvider clock)
{
    public const int PageSize = 10;

    public IQueryable<Article> Published()
    {
        var now = clock.GetUtcNow();
        return db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Published && a.PublishedAt != null && a.PublishedAt <= now);
    }

    public async Task<Page<ArticleSummary>> LatestAsync(int page, CancellationToken cancellationToken)
    {
        page = Math.Max(1, page);
        var query = Published();
        var total = await query.CountAsync(cancellationToken);
        var items = await Summaries(query.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
                .Skip((page - 1) * PageSize).Take(PageSize))
            .ToListAsync(cancellationToken);
        return new Page<ArticleSummary>(items, page, PageSize, total);
    }

    public IQueryable<ArticleSummary> Summaries(IQueryable<Article> articles) =>
        articles.Select(a => new ArticleSummary(
            a.Slug,
            a.Title,
            a.Standfirst,
            a.PublishedAt!.Value,
            a.Author!.DisplayName,
            a.Case != null ? a.Case.Name : null,
            a.Case != null ? a.Case.Slug : null,
            a.Comments.Count(c => c.Status == CommentStatus.Published || c.Status == CommentStatus.Approved)));

    public async Task<ArticleView?> BySlugAsync(string slug, CancellationToken cancellationToken)
    {
        var article = await Published()
            .Where(a => a.Slug == slug)
            .Select(a => new
            {
                a.Id, a.Slug, a.Title, a.Standfirst, a.BodyHtml, AuthorName = a.Author!.DisplayName,
                PublishedAt = a.PublishedAt!.Value, a.UpdatedAt, a.CorrectionsNote, a.CommentMode,
                Case = a.Case == null ? null : new { a.Case.Slug, a.Case.Name, a.Case.Citations, a.Case.Court, a.Case.ProceedingsStatus },
                Tags = a.Tags.OrderBy(t => t.Name).Select(t => t.Name).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return null;
        }

        var rows = await db.Comments.AsNoTracking()
            .Where(c => c.ArticleId == article.Id)
            .OrderBy(c => c.Path)
            .Select(c => new CommentRow(
                c.Id,
                c.ParentId,
                c.Depth,
                c.Path,
                c.Status,
                c.Status == CommentStatus.Published || c.Status == CommentStatus.Approved ? c.Author!.DisplayName : null,
                c.Status == CommentStatus.Published || c.Status == CommentStatus.Approved ? c.BodyHtml : null,
                c.CreatedAt,
                c.EditedAt,
                c.RecommendCount))
            .ToListAsync(cancellationToken);

        var caseBox = article.Case is null ? null : new CaseBox(
            article.Case.Slug,
            article.Case.Name,
            article.Case.Citations.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "",
            article.Case.Court,
            article.Case.ProceedingsStatus);

        return new ArticleView(
            article.Id, article.Slug, article.Title, article.Standfirst, article.BodyHtml, article.AuthorName,
            article.PublishedAt, article.UpdatedAt, article.CorrectionsNote, caseBox, article.Tags, article.CommentMode,
            rows.Count(r => r.Status.IsVisible()),
            CommentThread.Build(rows));
    }
}
