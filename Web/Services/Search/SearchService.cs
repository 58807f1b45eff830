using Microsoft.EntityFrameworkCore;

namespace Blog.Web.Services.Search;

public sealed record ArticleResult(ArticleSummary Article, IReadOnlyList<Highlighted> Title, IReadOnlyList<Highlighted> Snippet);

public sealed record CaseResult(string Slug, IReadOnlyList<Highlighted> Name, string Citation, string Court);

public sealed record SearchResults(string Query, IReadOnlyList<CaseResult> Cases, Page<ArticleResult> Articles);

/// <summary>What the search page asks: matches from the index, shaped as the rest of the site shows articles.</summary>
public sealed class SearchService(ISearchIndex index, ArticleQueries articles, Data.BlogDbContext db, TimeProvider clock)
{
    public const int MaxQueryLength = 200;
    public const int PageSize = 10;

    public async Task<SearchResults> SearchAsync(string query, int page, CancellationToken cancellationToken)
    {
        query = query.Trim();
        if (query.Length > MaxQueryLength)
        {
            query = query[..MaxQueryLength];
        }

        page = Math.Max(1, page);
        var (hits, total) = await index.SearchArticlesAsync(query, clock.GetUtcNow(), (page - 1) * PageSize, PageSize, cancellationToken);
        var ids = hits.Select(h => h.ArticleId).ToList();
        var summaries = await articles.Summaries(articles.Published().Where(a => ids.Contains(a.Id)))
            .ToDictionaryAsync(s => s.Id, cancellationToken);
        var results = hits.Where(h => summaries.ContainsKey(h.ArticleId))
            .Select(h => new ArticleResult(summaries[h.ArticleId], h.Title, h.Snippet))
            .ToList();

        var caseHits = page == 1 ? await index.SearchCasesAsync(query, 5, cancellationToken) : [];
        var caseIds = caseHits.Select(h => h.CaseId).ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Slug, c.Citations, c.Court })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var caseResults = caseHits.Where(h => cases.ContainsKey(h.CaseId))
            .Select(h => new CaseResult(cases[h.CaseId].Slug, h.Name,
                Domain.LineList.First(cases[h.CaseId].Citations),
                cases[h.CaseId].Court))
            .ToList();

        return new SearchResults(query, caseResults, new Page<ArticleResult>(results, page, PageSize, total));
    }
}
