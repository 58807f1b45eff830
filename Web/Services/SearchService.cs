using Blog.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Blog.Web.Services;

public sealed record SearchResults(string Query, IReadOnlyList<CaseSummary> Cases, Page<ArticleSummary> Articles);

/// <summary>
/// Plain substring search over published articles and cases. Kept behind this one class so a full-text
/// index (SQLite FTS5, PostgreSQL tsvector) can replace it without touching the pages.
/// </summary>
public sealed class SearchService(BlogDbContext db, ArticleQueries articles)
{
    public const int MaxQueryLength = 200;

    public async Task<SearchResults> SearchAsync(string query, int page, CancellationToken cancellationToken)
    {
        query = query.Trim();
        if (query.Length > MaxQueryLength)
        {
            query = query[..MaxQueryLength];
        }

        page = Math.Max(1, page);
        var pattern = $"%{EscapeLike(query)}%";
        var cases = await db.Cases.AsNoTracking()
            .Where(c => EF.Functions.Like(c.Name, pattern, "\\") || EF.Functions.Like(c.Citations, pattern, "\\"))
            .OrderBy(c => c.Name)
            .Take(10)
            .Select(c => new CaseSummary(c.Slug, c.Name, c.Citations, c.Court, c.Jurisdiction, c.ProceedingsStatus, 0))
            .ToListAsync(cancellationToken);

        var matching = articles.Published().Where(a =>
            EF.Functions.Like(a.Title, pattern, "\\")
            || EF.Functions.Like(a.Standfirst, pattern, "\\")
            || EF.Functions.Like(a.Body, pattern, "\\")
            || (a.Case != null && (EF.Functions.Like(a.Case.Name, pattern, "\\") || EF.Functions.Like(a.Case.Citations, pattern, "\\"))));
        var total = await matching.CountAsync(cancellationToken);
        var items = await articles.Summaries(matching.OrderByDescending(a => a.PublishedAt)
                .Skip((page - 1) * ArticleQueries.PageSize).Take(ArticleQueries.PageSize))
            .ToListAsync(cancellationToken);
        return new SearchResults(query, cases, new Page<ArticleSummary>(items, page, ArticleQueries.PageSize, total));
    }

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
