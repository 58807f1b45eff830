using Blog.Web.Data;

namespace Blog.Web.Services.Search;

/// <summary>
/// SQLite FTS5: two contentful virtual tables (ArticleSearch, CaseSearch, created by a migration) keyed by the
/// entity's id. Drafts are indexed too; visibility is decided at query time by joining Articles, so a scheduled
/// article becomes findable the moment it goes live.
/// </summary>
public sealed class SqliteSearchIndex(BlogDbContext db) : SearchIndexBase(db)
{
    protected override async Task WriteArticleAsync(int id, ArticleText? text, CancellationToken cancellationToken)
    {
        await ExecuteAsync("DELETE FROM ArticleSearch WHERE rowid = @id", cancellationToken, ("@id", id));
        if (text is not null)
        {
            await ExecuteAsync(
                "INSERT INTO ArticleSearch(rowid, title, standfirst, body, parties, citations, tags) VALUES (@id, @title, @standfirst, @body, @parties, @citations, @tags)",
                cancellationToken,
                ("@id", id), ("@title", text.Title), ("@standfirst", text.Standfirst), ("@body", text.Body), ("@parties", text.Parties),
                ("@citations", text.Citations), ("@tags", text.Tags));
        }
    }

    protected override async Task WriteCaseAsync(int id, CaseText? text, CancellationToken cancellationToken)
    {
        await ExecuteAsync("DELETE FROM CaseSearch WHERE rowid = @id", cancellationToken, ("@id", id));
        if (text is not null)
        {
            await ExecuteAsync(
                "INSERT INTO CaseSearch(rowid, name, citations, court, summary) VALUES (@id, @name, @citations, @court, @summary)",
                cancellationToken,
                ("@id", id), ("@name", text.Name), ("@citations", text.Citations), ("@court", text.Court), ("@summary", text.Summary));
        }
    }

    protected override async Task ClearAsync(CancellationToken cancellationToken)
    {
        await ExecuteAsync("DELETE FROM ArticleSearch", cancellationToken);
        await ExecuteAsync("DELETE FROM CaseSearch", cancellationToken);
    }

    protected override async Task<(long Articles, long Cases)> CountRowsAsync(CancellationToken cancellationToken) =>
        (await ScalarAsync("SELECT count(*) FROM ArticleSearch", cancellationToken), await ScalarAsync("SELECT count(*) FROM CaseSearch", cancellationToken));

    public override async Task<(IReadOnlyList<ArticleHit> Hits, int Total)> SearchArticlesAsync(string query, DateTimeOffset now, int skip, int take, CancellationToken cancellationToken)
    {
        var fts = SearchQuery.ToFts(query);
        if (fts.Length == 0)
        {
            return ([], 0);
        }

        // The same visibility rule as Article.IsVisibleToReaders, in SQL (times are stored as UTC ticks).
        const string visible = """
            JOIN Articles a ON a.Id = ArticleSearch.rowid
            WHERE ArticleSearch MATCH @q AND a.Status IN (1, 2) AND a.PublishedAt IS NOT NULL AND a.PublishedAt <= @now
            """;
        var parameters = new (string, object)[] { ("@q", fts), ("@now", now.UtcTicks), ("@skip", skip), ("@take", take) };
        var total = (int)await ScalarAsync($"SELECT count(*) FROM ArticleSearch {visible}", cancellationToken, parameters);
        var hits = await HitsAsync(
            $"""
            SELECT a.Id,
                   highlight(ArticleSearch, 0, char(2), char(3)),
                   snippet(ArticleSearch, -1, char(2), char(3), '…', 24)
            FROM ArticleSearch {visible}
            ORDER BY bm25(ArticleSearch, 10.0, 4.0, 1.0, 6.0, 6.0, 3.0), a.PublishedAt DESC
            LIMIT @take OFFSET @skip
            """, cancellationToken, parameters);
        return (hits.Select(h => new ArticleHit(h.Id, SearchQuery.Highlight(h.First), SearchQuery.Highlight(h.Second!))).ToList(), total);
    }

    public override async Task<IReadOnlyList<CaseHit>> SearchCasesAsync(string query, int take, CancellationToken cancellationToken)
    {
        var fts = SearchQuery.ToFts(query);
        if (fts.Length == 0)
        {
            return [];
        }

        var hits = await HitsAsync(
            """
            SELECT rowid, highlight(CaseSearch, 0, char(2), char(3)) FROM CaseSearch
            WHERE CaseSearch MATCH @q ORDER BY bm25(CaseSearch, 10.0, 8.0, 2.0, 1.0) LIMIT @take
            """, cancellationToken, ("@q", fts), ("@take", take));
        return hits.Select(h => new CaseHit(h.Id, SearchQuery.Highlight(h.First))).ToList();
    }
}
