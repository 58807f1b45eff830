using System.Data.Common;
using Blog.Web.Data;
using Blog.Web.Domain;
using Blog.Web.Domain.Moderation;
using Blog.Web.Services.Search;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Blog.Web.Services.Bench;

/// <summary>How much the benchmark database holds. <see cref="Full"/> is the benchmark; tests use a small scale.</summary>
public sealed record BenchScale(
    int Articles,
    int MediumThread,
    int LargeThread,
    int FurtherComments,
    int Pending,
    int Reported,
    int Users,
    int Subscribers,
    double TopLevelShare = 0.4,
    int MaxDepth = 8)
{
    public static readonly BenchScale Full = new(200, 300, 1000, 100_000, 2_000, 500, 1_000, 300);

    public static readonly BenchScale Small = new(20, 30, 100, 1_000, 40, 10, 100, 30);
}

public sealed record BenchSeedResult(string MediumSlug, string LargeSlug, IReadOnlyList<string> SubscriberEmails, string EditorEmail, string Password);

/// <summary>
/// Fills an empty database with a deterministic, realistic load (same seed, same data): articles with cases, one
/// 300-comment and one 1,000-comment thread, a large body of further comments with held and reported ones, and
/// readers of whom some subscribe. Written with raw batched inserts in one transaction: EF change tracking for
/// 100,000 rows would measure the generator, not the site. Seeds SQLite or PostgreSQL alike.
/// </summary>
public sealed class BenchSeeder(BlogDbContext db, MarkdownRenderer renderer, IPasswordHasher<BlogUser> hasher, ISearchIndex search, TimeProvider clock)
{
    public const string Password = "bench passphrase for load tests";
    public const string EditorEmail = "bench-editor@docket.test";

    private static readonly string[] Words =
        "court judge appeal ruling order evidence counsel witness hearing statute duty liability defamation publisher comment page host knowledge removal reasonable time damages costs tribunal jurisdiction claim defence reform parliament section precedent majority dissent"
            .Split(' ');

    public async Task<BenchSeedResult> SeedAsync(BenchScale scale, CancellationToken cancellationToken)
    {
        if (await db.Users.AnyAsync(cancellationToken) || await db.Articles.AnyAsync(cancellationToken))
        {
            throw new InvalidOperationException("seed-bench needs an empty database.");
        }

        var random = new Random(20261127);
        // The SQL below is written for both engines (quoted names, @parameters, TRUE and FALSE); where they store a
        // value differently (a Guid), the value is given as each engine keeps it.
        var postgres = db.Database.IsNpgsql();
        object Key(Guid key) => postgres ? key : key.ToString().ToUpperInvariant();
        var now = clock.GetUtcNow();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Readers: one password hash for all (hashing 1,000 times would take minutes and prove nothing).
        var hash = hasher.HashPassword(new BlogUser(), Password);
        var userIds = new List<string>();
        var subscriberEmails = new List<string>();
        await using (var insertUser = Command(connection, transaction,
            "INSERT INTO \"AspNetUsers\" (\"Id\", \"UserName\", \"NormalizedUserName\", \"Email\", \"NormalizedEmail\", \"EmailConfirmed\", \"PasswordHash\", \"SecurityStamp\", \"ConcurrencyStamp\", \"PhoneNumberConfirmed\", \"TwoFactorEnabled\", \"LockoutEnabled\", \"AccessFailedCount\", \"DisplayName\", \"CreatedAt\", \"AuthorSlug\") " +
            "VALUES (@id, @email, @norm, @email, @norm, TRUE, @hash, @stamp, @stamp, FALSE, FALSE, TRUE, 0, @name, @created, @slug)",
            "id", "email", "norm", "hash", "stamp", "name", "created", "slug"))
        {
            for (var i = 0; i <= scale.Users; i++)
            {
                var editor = i == scale.Users;
                var email = editor ? EditorEmail : $"reader{i:D4}@bench.test";
                var id = $"bench-user-{i:D4}";
                await Run(insertUser, cancellationToken, id, email, email.ToUpperInvariant(), hash, Guid.NewGuid().ToString("N"),
                    editor ? "Bench Editor" : $"Reader {i:D4}", now.AddDays(-400).UtcTicks, editor ? "bench-editor" : null);
                if (!editor)
                {
                    userIds.Add(id);
                }
            }
        }

        await Exec(connection, transaction, "INSERT INTO \"AspNetRoles\" (\"Id\", \"Name\", \"NormalizedName\", \"ConcurrencyStamp\") SELECT 'role-editor', 'Editor', 'EDITOR', 'x' WHERE NOT EXISTS (SELECT 1 FROM \"AspNetRoles\" WHERE \"NormalizedName\" = 'EDITOR')", cancellationToken);
        await Exec(connection, transaction, $"INSERT INTO \"AspNetUserRoles\" (\"UserId\", \"RoleId\") SELECT 'bench-user-{scale.Users:D4}', \"Id\" FROM \"AspNetRoles\" WHERE \"NormalizedName\" = 'EDITOR'", cancellationToken);
        await using (var insertSubscription = Command(connection, transaction,
            "INSERT INTO \"Subscriptions\" (\"UserId\", \"Plan\", \"Status\", \"Source\", \"StartedAt\", \"CurrentPeriodEnd\", \"PaymentFailed\") VALUES (@user, 'Annual', 0, 2, @start, @end, FALSE)",
            "user", "start", "end"))
        {
            foreach (var id in userIds.Take(scale.Subscribers))
            {
                await Run(insertSubscription, cancellationToken, id, now.AddDays(-30).UtcTicks, now.AddDays(335).UtcTicks);
                subscriberEmails.Add($"reader{int.Parse(id[^4..], System.Globalization.CultureInfo.InvariantCulture):D4}@bench.test");
            }
        }

        // Cases and articles, one case each, published over the last 200 days.
        var body = renderer.RenderArticle(string.Join("\n\n", Enumerable.Range(0, 6).Select(p => Sentence(random, 60))));
        var teaser = MarkdownRenderer.Teaser(body, 2);
        var articleIds = new List<int>();
        await using (var insertCase = Command(connection, transaction,
            "INSERT INTO \"Cases\" (\"Id\", \"Slug\", \"Name\", \"Citations\", \"Court\", \"Jurisdiction\", \"FileNumber\", \"Judges\", \"ProceedingsStatus\", \"Summary\", \"SummaryHtml\", \"CreatedAt\", \"UpdatedAt\") VALUES (@id, @slug, @name, @cit, 'High Court', 'New Zealand', '', '', 6, '', '', @at, @at)",
            "id", "slug", "name", "cit", "at"))
        await using (var insertArticle = Command(connection, transaction,
            "INSERT INTO \"Articles\" (\"Id\", \"Slug\", \"Title\", \"Standfirst\", \"Body\", \"BodyHtml\", \"TeaserHtml\", \"RenderVersion\", \"AuthorId\", \"Status\", \"CreatedAt\", \"PublishedAt\", \"UpdatedAt\", \"CaseId\", \"Visibility\", \"CommentMode\", \"CorrectionsNote\", \"FeatureImageAlt\") " +
            "VALUES (@id, @slug, @title, @stand, @body, @html, @teaser, 1, @author, 2, @at, @at, @at, @case, 0, 0, '', '')",
            "id", "slug", "title", "stand", "body", "html", "teaser", "author", "at", "case"))
        {
            for (var i = 1; i <= scale.Articles; i++)
            {
                var at = now.AddDays(-scale.Articles + i).AddHours(-1).UtcTicks;
                await Run(insertCase, cancellationToken, i, $"bench-case-{i}", $"Party {i} v Respondent {i}", $"[2026] NZHC {1000 + i}", at);
                await Run(insertArticle, cancellationToken, i, $"bench-article-{i}", $"Bench article {i}: {Sentence(random, 6)}", Sentence(random, 25),
                    "Bench body.", body, teaser, $"bench-user-{scale.Users:D4}", at, i);
                articleIds.Add(i);
            }
        }

        // Comments: explicit ids, so parents and paths are known without a round trip per row.
        long nextId = 1;
        await using var insertComment = Command(connection, transaction,
            "INSERT INTO \"Comments\" (\"Id\", \"ArticleId\", \"ParentId\", \"RootId\", \"AuthorId\", \"Body\", \"BodyHtml\", \"RenderVersion\", \"Status\", \"CreatedAt\", \"Depth\", \"Path\", \"RecommendCount\", \"IdempotencyKey\", \"ModerationReason\", \"ModerationCode\", \"ModeratorNote\", \"IsFeatured\") " +
            "VALUES (@id, @article, @parent, @root, @author, @body, @html, 1, @status, @at, @depth, @path, @rec, @key, @reason, @code, '', FALSE)",
            "id", "article", "parent", "root", "author", "body", "html", "status", "at", "depth", "path", "rec", "key", "reason", "code");

        async Task Thread(int articleId, int count, int pending)
        {
            var inThread = new List<(long Id, long Root, int Depth, string Path)>();
            var start = now.AddDays(-1).UtcTicks;
            for (var i = 0; i < count; i++)
            {
                (long Id, long Root, int Depth, string Path)? parent = null;
                var candidates = inThread.Count > 0 && random.NextDouble() >= scale.TopLevelShare
                    ? inThread.Where(c => c.Depth < scale.MaxDepth - 1).ToList()
                    : [];
                if (candidates.Count > 0)
                {
                    // Recent comments attract replies: a realistic, deepening shape.
                    parent = candidates[Math.Max(0, candidates.Count - 1 - (int)(random.NextDouble() * random.NextDouble() * candidates.Count))];
                }

                var id = nextId++;
                var depth = parent is { } p ? p.Depth + 1 : 0;
                var path = parent is { } pp ? $"{pp.Path}.{Comment.PathSegment(id)}" : Comment.PathSegment(id);
                var root = parent?.Root ?? id;
                var held = i < pending;
                var text = Sentence(random, 12 + random.Next(40));
                await Run(insertComment, cancellationToken, id, articleId, parent?.Id, root, userIds[random.Next(scale.Subscribers)], text, $"<p>{text}</p>",
                    (int)(held ? CommentStatus.Pending : CommentStatus.Published), start + i * TimeSpan.TicksPerSecond * 7, depth, path, random.Next(5),
                    Key(Guid.NewGuid()), held ? "Held for review: a new member's first comments are read by an editor before they appear." : "",
                    held ? "first-comments" : "published");
                if (!held)
                {
                    inThread.Add((id, root, depth, path));
                }
            }
        }

        var medium = articleIds[^1];
        var large = articleIds[^2];
        await Thread(medium, scale.MediumThread, 0);
        await Thread(large, scale.LargeThread, 0);
        var remaining = scale.FurtherComments;
        var otherArticles = articleIds.Take(articleIds.Count - 2).ToList();
        var pendingLeft = scale.Pending;
        for (var index = 0; index < otherArticles.Count && remaining > 0; index++)
        {
            var articleId = otherArticles[index];
            var articlesLeft = otherArticles.Count - index;
            var count = (int)Math.Ceiling(remaining / (double)articlesLeft);
            var pending = Math.Min(pendingLeft, (int)Math.Ceiling(pendingLeft / (double)articlesLeft));
            pendingLeft -= pending;
            await Thread(articleId, count, pending);
            remaining -= count;
        }

        // Reported: visible comments from the further body, each with two open reports.
        var reportable = await ScalarListAsync(connection, transaction, $"SELECT \"Id\" FROM \"Comments\" WHERE \"Status\" = 1 AND \"ArticleId\" NOT IN ({medium}, {large}) ORDER BY \"Id\" LIMIT {scale.Reported}", cancellationToken);
        await using (var insertReport = Command(connection, transaction,
            "INSERT INTO \"CommentReports\" (\"CommentId\", \"ReporterId\", \"Reason\", \"Details\", \"CreatedAt\") VALUES (@comment, @reporter, 1, '', @at)", "comment", "reporter", "at"))
        {
            foreach (var commentId in reportable)
            {
                await Run(insertReport, cancellationToken, commentId, userIds[scale.Subscribers + (int)(commentId % Math.Max(1, userIds.Count - scale.Subscribers))], now.UtcTicks);
                await Run(insertReport, cancellationToken, commentId, userIds[(int)(commentId % scale.Subscribers)], now.UtcTicks);
            }
        }

        if (postgres)
        {
            // Rows were written with their ids: the identity columns go on from the highest.
            foreach (var table in new[] { "Cases", "Articles", "Comments" })
            {
                await Exec(connection, transaction, $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), (SELECT MAX(\"Id\") FROM \"{table}\"))", cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        await db.Database.CloseConnectionAsync();
        await search.RebuildAsync(cancellationToken);
        return new BenchSeedResult($"bench-article-{medium}", $"bench-article-{large}", subscriberEmails, EditorEmail, Password);
    }

    private static string Sentence(Random random, int words) =>
        string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)])) + ".";

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static async Task Run(DbCommand command, CancellationToken cancellationToken, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task Exec(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<long>> ScalarListAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<long>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }
}
