using System.Data.Common;
using Blog.Web.Data;
using Blog.Web.Domain;
using Markdig;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Blog.Web.Services.Search;

/// <summary>What an article is found by, as any reader may read it.</summary>
public sealed record ArticleText(int Id, string Title, string Standfirst, string Body, string Parties, string Citations, string Tags);

/// <summary>What a case is found by.</summary>
public sealed record CaseText(int Id, string Name, string Citations, string Court, string Summary);

/// <summary>
/// What every engine's index shares: which text goes in (the index holds only what any reader may read: a
/// subscriber-only article is indexed by its title, standfirst, case and tags and its teaser, never its body past
/// the teaser, so neither snippets nor repeated matching can rebuild it), when a case re-indexes its articles, and
/// how its own SQL is run (inside the caller's transaction). Each engine says how rows are written and matched.
/// </summary>
public abstract class SearchIndexBase(BlogDbContext db) : ISearchIndex
{
    protected BlogDbContext Db => db;

    protected abstract Task WriteArticleAsync(int id, ArticleText? text, CancellationToken cancellationToken);

    protected abstract Task WriteCaseAsync(int id, CaseText? text, CancellationToken cancellationToken);

    protected abstract Task ClearAsync(CancellationToken cancellationToken);

    protected abstract Task<(long Articles, long Cases)> CountRowsAsync(CancellationToken cancellationToken);

    public abstract Task<(IReadOnlyList<ArticleHit> Hits, int Total)> SearchArticlesAsync(string query, DateTimeOffset now, int skip, int take, CancellationToken cancellationToken);

    public abstract Task<IReadOnlyList<CaseHit>> SearchCasesAsync(string query, int take, CancellationToken cancellationToken);

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
        await WriteArticleAsync(articleId, article is null ? null : new ArticleText(
            article.Id, article.Title, article.Standfirst,
            Paywall.ReadsFullText(article.Visibility, readsEverything: false) ? Markdown.ToPlainText(article.Body) : PlainText(article.TeaserHtml),
            article.Parties, article.Citations, string.Join(' ', article.Tags)), cancellationToken);
    }

    private static string PlainText(string sanitizedHtml) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<body>{sanitizedHtml}</body>").Body!.TextContent;

    public async Task IndexCaseAsync(int caseId, CancellationToken cancellationToken)
    {
        var found = await db.Cases.AsNoTracking().Where(c => c.Id == caseId)
            .Select(c => new { c.Id, c.Name, c.Citations, c.Court, c.Summary, Articles = c.Articles.Select(a => a.Id).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        await WriteCaseAsync(caseId, found is null ? null : new CaseText(found.Id, found.Name, found.Citations, found.Court, Markdown.ToPlainText(found.Summary)),
            cancellationToken);
        foreach (var articleId in found?.Articles ?? [])
        {
            await IndexArticleAsync(articleId, cancellationToken);
        }
    }

    public async Task RebuildAsync(CancellationToken cancellationToken)
    {
        await ClearAsync(cancellationToken);
        foreach (var id in await db.Cases.Select(c => c.Id).ToListAsync(cancellationToken))
        {
            await IndexCaseAsync(id, cancellationToken);
        }

        foreach (var id in await db.Articles.Where(a => a.CaseId == null).Select(a => a.Id).ToListAsync(cancellationToken))
        {
            await IndexArticleAsync(id, cancellationToken);
        }
    }

    public async Task<bool> IsCompleteAsync(CancellationToken cancellationToken)
    {
        var (articles, cases) = await CountRowsAsync(cancellationToken);
        return articles == await db.Articles.CountAsync(cancellationToken) && cases == await db.Cases.CountAsync(cancellationToken);
    }

    protected async Task<DbCommand> CommandAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
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

    protected async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = await CommandAsync(sql, cancellationToken, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    protected async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = await CommandAsync(sql, cancellationToken, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs a query of hits: an id and one or two marked texts per row.</summary>
    protected async Task<List<(int Id, string First, string? Second)>> HitsAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        var hits = new List<(int, string, string?)>();
        await using var command = await CommandAsync(sql, cancellationToken, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hits.Add((reader.GetInt32(0), reader.GetString(1), reader.FieldCount > 2 ? reader.GetString(2) : null));
        }

        return hits;
    }
}
