namespace Blog.Web.Services.Search;

public sealed record ArticleHit(int ArticleId, IReadOnlyList<Highlighted> Title, IReadOnlyList<Highlighted> Snippet);

public sealed record CaseHit(int CaseId, IReadOnlyList<Highlighted> Name);

/// <summary>
/// Full-text search over articles and cases. The seam where a database's own engine plugs in: SQLite FTS5
/// (<see cref="SqliteSearchIndex"/>) or PostgreSQL's tsvector (<see cref="PostgresSearchIndex"/>). Only articles
/// readers may see are ever returned.
/// </summary>
public interface ISearchIndex
{
    Task IndexArticleAsync(int articleId, CancellationToken cancellationToken);

    /// <summary>Re-indexes a case and every article about it (their rows carry the case's parties and citations).</summary>
    Task IndexCaseAsync(int caseId, CancellationToken cancellationToken);

    Task RebuildAsync(CancellationToken cancellationToken);

    /// <summary>True when the index holds a row for every article and case (after a restore, say, it may not).</summary>
    Task<bool> IsCompleteAsync(CancellationToken cancellationToken);

    Task<(IReadOnlyList<ArticleHit> Hits, int Total)> SearchArticlesAsync(string query, DateTimeOffset now, int skip, int take, CancellationToken cancellationToken);

    Task<IReadOnlyList<CaseHit>> SearchCasesAsync(string query, int take, CancellationToken cancellationToken);
}
