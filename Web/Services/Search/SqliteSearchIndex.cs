using System.Data.Common;
using Blog.Web.Data;
using Blog.Web.Domain;
using Markdig;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Blog.Web.Services.Search;

/// <summary>
/// SQLite FTS5: two contentful virtual tables (ArticleSearch, CaseSearch, created by a migration) keyed by the
/// entity's id. Drafts are indexed too; visibility is decided at query time by joining Articles, so a scheduled
/// article becomes findable the moment it goes live. The index holds only what any reader may read: a
/// subscriber-only article is indexed by its title, standfirst, case and tags and its teaser, never its body past
/// the teaser, so neither snippets nor repeated matching can rebuild it.
/// </summary>
public sealed class SqliteSearchIndex(BlogDbContext db) : ISearchIndex
{
    public async Task IndexArticleAsync(int articleId, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == articleId)
            .Select(a => new
            {
                a.Id, a.Title, a.Standfirst, a.Body, a.Visibility, a.TeaserHtml,
                Parties = a.Case != null ? a.Case.Name : "",
                Citations = a.Case != null ? a.Case.Citations : "",
                Tags = a.Tags.Select(t => t.Name).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        await ExecuteAsync("DELETE FROM ArticleSearch WHERE rowid = $id", cancellationToken, ("$id", articleId));
        if (article is null)
        {
            return;
        }

        await ExecuteAsync(
            "INSERT INTO ArticleSearch(rowid, title, standfirst, body, parties, citations, tags) VALUES ($id, $title, $standfirst, $body, $parties, $citations, $tags)",
            cancellationToken,
            ("$id", article.Id), ("$title", article.Title), ("$standfirst", article.Standfirst),
            ("$body", Paywall.ReadsFullText(article.Visibility, readsEverything: false) ? Markdown.ToPlainText(article.Body) : PlainText(article.TeaserHtml)), ("$parties", article.Parties),
            ("$citations", article.Citations), ("$tags", string.Join(' ', article.Tags)));
    }

    private static string PlainText(string sanitizedHtml) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<body>{sanitizedHtml}</body>").Body!.TextContent;

    public async Task IndexCaseAsync(int caseId, CancellationToken cancellationToken)
    {
        var found = await db.Cases.AsNoTracking().Where(c => c.Id == caseId)
            .Select(c => new { c.Id, c.Name, c.Citations, c.Court, c.Summary, Articles = c.Articles.Select(a => a.Id).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        await ExecuteAsync("DELETE FROM CaseSearch WHERE rowid = $id", cancellationToken, ("$id", caseId));
        if (found is null)
        {
            return;
        }

        await ExecuteAsync(
            "INSERT INTO CaseSearch(rowid, name, citations, court, summary) VALUES ($id, $name, $citations, $court, $summary)",
            cancellationToken,
            ("$id", found.Id), ("$name", found.Name), ("$citations", found.Citations), ("$court", found.Court),
            ("$summary", Markdown.ToPlainText(found.Summary)));
        foreach (var articleId in found.Articles)
        {
            await IndexArticleAsync(articleId, cancellationToken);
        }
    }

    public async Task RebuildAsync(CancellationToken cancellationToken)
    {
        await ExecuteAsync("DELETE FROM ArticleSearch", cancellationToken);
        await ExecuteAsync("DELETE FROM CaseSearch", cancellationToken);
        foreach (var id in await db.Cases.Select(c => c.Id).ToListAsync(cancellationToken))
        {
            await IndexCaseAsync(id, cancellationToken);
        }

        foreach (var id in await db.Articles.Where(a => a.CaseId == null).Select(a => a.Id).ToListAsync(cancellationToken))
        {
            await IndexArticleAsync(id, cancellationToken);
        }
    }

    /// <summary>True when the index holds a row for every article and case (after a restore, say, it may not).</summary>
    public async Task<bool> IsCompleteAsync(CancellationToken cancellationToken)
    {
        var indexedArticles = await ScalarAsync("SELECT count(*) FROM ArticleSearch", cancellationToken);
        var indexedCases = await ScalarAsync("SELECT count(*) FROM CaseSearch", cancellationToken);
        return indexedArticles == await db.Articles.CountAsync(cancellationToken)
            && indexedCases == await db.Cases.CountAsync(cancellationToken);
    }

    public async Task<(IReadOnlyList<ArticleHit> Hits, int Total)> SearchArticlesAsync(string query, DateTimeOffset now, int skip, int take, CancellationToken cancellationToken)
    {
        var fts = SearchQuery.ToFts(query);
        if (fts.Length == 0)
        {
            return ([], 0);
        }

        // The same visibility rule as Article.IsVisibleToReaders, in SQL (times are stored as UTC ticks).
        const string visible = """
            JOIN Articles a ON a.Id = ArticleSearch.rowid
            WHERE ArticleSearch MATCH $q AND a.Status IN (1, 2) AND a.PublishedAt IS NOT NULL AND a.PublishedAt <= $now
            """;
        var parameters = new (string, object)[] { ("$q", fts), ("$now", now.UtcTicks), ("$skip", skip), ("$take", take) };
        var total = (int)await ScalarAsync($"SELECT count(*) FROM ArticleSearch {visible}", cancellationToken, parameters);
        var hits = new List<ArticleHit>();
        await using var command = await CommandAsync(
            $"""
            SELECT a.Id,
                   highlight(ArticleSearch, 0, char(2), char(3)),
                   snippet(ArticleSearch, -1, char(2), char(3), '…', 24)
            FROM ArticleSearch {visible}
            ORDER BY bm25(ArticleSearch, 10.0, 4.0, 1.0, 6.0, 6.0, 3.0), a.PublishedAt DESC
            LIMIT $take OFFSET $skip
            """, cancellationToken, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hits.Add(new ArticleHit(reader.GetInt32(0), SearchQuery.Highlight(reader.GetString(1)), SearchQuery.Highlight(reader.GetString(2))));
        }

        return (hits, total);
    }

    public async Task<IReadOnlyList<CaseHit>> SearchCasesAsync(string query, int take, CancellationToken cancellationToken)
    {
        var fts = SearchQuery.ToFts(query);
        if (fts.Length == 0)
        {
            return [];
        }

        var hits = new List<CaseHit>();
        await using var command = await CommandAsync(
            """
            SELECT rowid, highlight(CaseSearch, 0, char(2), char(3)) FROM CaseSearch
            WHERE CaseSearch MATCH $q ORDER BY bm25(CaseSearch, 10.0, 8.0, 2.0, 1.0) LIMIT $take
            """, cancellationToken, ("$q", fts), ("$take", take));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hits.Add(new CaseHit(reader.GetInt32(0), SearchQuery.Highlight(reader.GetString(1))));
        }

        return hits;
    }

    private async Task<DbCommand> CommandAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = await CommandAsync(sql, cancellationToken, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = await CommandAsync(sql, cancellationToken, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
