using Blog.Web.Data;

namespace Blog.Web.Services.Search;

/// <summary>
/// PostgreSQL full-text search: two tables (ArticleSearch, CaseSearch, made by the PostgreSQL migrations) whose
/// weighted <c>tsvector</c> is a stored generated column with a GIN index; queries are the reader's words through
/// <c>websearch_to_tsquery</c>, the last word also as a prefix (so a reader typing "Kazakh" finds Kazakhstan, as
/// with SQLite). Drafts are indexed too; visibility is decided at query time by joining Articles.
/// </summary>
public sealed class PostgresSearchIndex(BlogDbContext db) : SearchIndexBase(db)
{
    private static readonly string Marks = $"StartSel={SearchQuery.MarkStart}, StopSel={SearchQuery.MarkEnd}";

    protected override async Task WriteArticleAsync(int id, ArticleText? text, CancellationToken cancellationToken)
    {
        await ExecuteAsync("""DELETE FROM "ArticleSearch" WHERE "Id" = @id""", cancellationToken, ("@id", id));
        if (text is not null)
        {
            await ExecuteAsync(
                """
                INSERT INTO "ArticleSearch" ("Id", "Title", "Standfirst", "Body", "Parties", "Citations", "Tags")
                VALUES (@id, @title, @standfirst, @body, @parties, @citations, @tags)
                """,
                cancellationToken,
                ("@id", id), ("@title", text.Title), ("@standfirst", text.Standfirst), ("@body", text.Body), ("@parties", text.Parties),
                ("@citations", text.Citations), ("@tags", text.Tags));
        }
    }

    protected override async Task WriteCaseAsync(int id, CaseText? text, CancellationToken cancellationToken)
    {
        await ExecuteAsync("""DELETE FROM "CaseSearch" WHERE "Id" = @id""", cancellationToken, ("@id", id));
        if (text is not null)
        {
            await ExecuteAsync(
                """INSERT INTO "CaseSearch" ("Id", "Name", "Citations", "Court", "Summary") VALUES (@id, @name, @citations, @court, @summary)""",
                cancellationToken,
                ("@id", id), ("@name", text.Name), ("@citations", text.Citations), ("@court", text.Court), ("@summary", text.Summary));
        }
    }

    protected override async Task ClearAsync(CancellationToken cancellationToken)
    {
        await ExecuteAsync("""DELETE FROM "ArticleSearch" """, cancellationToken);
        await ExecuteAsync("""DELETE FROM "CaseSearch" """, cancellationToken);
    }

    protected override async Task<(long Articles, long Cases)> CountRowsAsync(CancellationToken cancellationToken) =>
        (await ScalarAsync("""SELECT count(*) FROM "ArticleSearch" """, cancellationToken),
            await ScalarAsync("""SELECT count(*) FROM "CaseSearch" """, cancellationToken));

    /// <summary>
    /// The query: every word as websearch_to_tsquery reads it, the last one also as a prefix. The words come from
    /// <see cref="SearchQuery.Words"/> (letters and digits only), so none can carry tsquery syntax.
    /// </summary>
    private static (string Sql, (string, object)[] Parameters)? Query(string input)
    {
        var words = SearchQuery.Words(input);
        if (words.Count == 0)
        {
            return null;
        }

        var last = words[^1];
        var head = string.Join(' ', words.Take(words.Count - 1));
        var lastTerm = last.Length >= 2
            ? "(websearch_to_tsquery('english', @last) || to_tsquery('simple', @prefix))"
            : "websearch_to_tsquery('english', @last)";
        var sql = words.Count > 1 ? $"(websearch_to_tsquery('english', @head) && {lastTerm})" : lastTerm;
        return (sql, [("@head", head), ("@last", last), ("@prefix", last.ToLowerInvariant() + ":*")]);
    }

    public override async Task<(IReadOnlyList<ArticleHit> Hits, int Total)> SearchArticlesAsync(string query, DateTimeOffset now, int skip, int take, CancellationToken cancellationToken)
    {
        if (Query(query) is not var (q, words))
        {
            return ([], 0);
        }

        // The same visibility rule as Article.IsVisibleToReaders, in SQL (times are stored as UTC ticks).
        var visible = $"""
            FROM "ArticleSearch" s JOIN "Articles" a ON a."Id" = s."Id" CROSS JOIN (SELECT {q} AS q) t
            WHERE s."Document" @@ t.q AND a."Status" IN (1, 2) AND a."PublishedAt" IS NOT NULL AND a."PublishedAt" <= @now
            """;
        (string, object)[] parameters = [.. words, ("@now", now.UtcTicks), ("@skip", skip), ("@take", take), ("@title", Marks + ", HighlightAll=true"),
            ("@snippet", Marks + ", MaxWords=24, MinWords=12, MaxFragments=1, FragmentDelimiter=…")];
        var total = (int)await ScalarAsync($"SELECT count(*) {visible}", cancellationToken, parameters);
        var hits = await HitsAsync(
            $"""
            SELECT a."Id", ts_headline('english', s."Title", t.q, @title), ts_headline('english', s."Body", t.q, @snippet)
            {visible}
            ORDER BY ts_rank(s."Document", t.q) DESC, a."PublishedAt" DESC
            LIMIT @take OFFSET @skip
            """, cancellationToken, parameters);
        return (hits.Select(h => new ArticleHit(h.Id, SearchQuery.Highlight(h.First), SearchQuery.Highlight(h.Second!))).ToList(), total);
    }

    public override async Task<IReadOnlyList<CaseHit>> SearchCasesAsync(string query, int take, CancellationToken cancellationToken)
    {
        if (Query(query) is not var (q, words))
        {
            return [];
        }

        var hits = await HitsAsync(
            $"""
            SELECT s."Id", ts_headline('english', s."Name", t.q, @title) FROM "CaseSearch" s CROSS JOIN (SELECT {q} AS q) t
            WHERE s."Document" @@ t.q ORDER BY ts_rank(s."Document", t.q) DESC LIMIT @take
            """, cancellationToken, [.. words, ("@take", take), ("@title", Marks + ", HighlightAll=true")]);
        return hits.Select(h => new CaseHit(h.Id, SearchQuery.Highlight(h.First))).ToList();
    }
}
