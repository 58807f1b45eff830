namespace Blog.Web.Services.Search;

public sealed record ArticleHit(int ArticleId, IReadOnlyList<Highlighted> Title, IReadOnlyList<Highlighted> Snippet);

public sealed record CaseHit(int CaseId, IReadOnlyList<Highlighted> Name);

/// <summary>
/// Full-text search over articles and cases. The seam where a database's own engine plugs in: SQLite FTS5
/// today, PostgreSQL full-text search later. Only articles readers may see are ever returned.
/// </summary>
public interface ISearchIndex
{
    Task IndexArticleAsync(int articleId, CancellationToken cancellationToken);

    /// <summary>Re-indexes a case and every article about it (their rows carry the case's parties and citations).</summary>
    Task IndexCaseAsync(int caseId, CancellationToken cancellationToken);

    Task RebuildAsync(CancellationToken cancellationToken);

    Task<(IReadOnlyList<ArticleHit> Hits, int Total)> SearchArticlesAsync(string query, DateTimeOffset now, int skip, int take, CancellationToken cancellationToken);

    Task<IReadOnlyList<CaseHit>> SearchCasesAsync(string query, int take, CancellationToken cancellationToken);
}
