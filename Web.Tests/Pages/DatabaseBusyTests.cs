using System.Diagnostics;
using System.Net;
using Blog.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Blog.Web.Tests.Pages;

public sealed class BusyDatabaseFactory() : BlogAppFactory;

/// <summary>Another process holds the database's write lock (a long import, a backup tool): the site says it is busy.</summary>
public sealed class DatabaseBusyTests(BusyDatabaseFactory factory) : IClassFixture<BusyDatabaseFactory>
{
    [Fact]
    public async Task APostWhileTheDatabaseIsLocked_Gets503WithRetryAfter_TheTextKept_AndNothingLost()
    {
        TestDatabase.SkipOnPostgres("SQLite file locks; PostgreSQL waits on row locks instead.");
        var slug = await Discussions.PublishArticleAsync(factory);
        var (client, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);
        await client.GetAsync($"/articles/{slug}");
        var key = Guid.NewGuid();
        const string text = "Typed with care while someone else held the database.";

        HttpResponseMessage refused, health;
        var elapsed = Stopwatch.StartNew();
        await using (var holder = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False"))
        {
            await holder.OpenAsync();
            await using (var command = holder.CreateCommand())
            {
                command.CommandText = "BEGIN IMMEDIATE;";
                await command.ExecuteNonQueryAsync();
            }

            refused = await client.CommentAsync(slug, text, key);
            elapsed.Stop();
            health = await factory.CreateBrowserClient().GetAsync("/healthz");
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("5", refused.Headers.GetValues("Retry-After").Single());
        Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(15), $"The refusal took {elapsed.Elapsed}.");
        var form = (await Html.ParseAsync(refused)).QuerySelector("form.comment-form")!;
        Assert.Contains("very busy", form.TextContent);
        Assert.Equal(text, form.QuerySelector("textarea")!.TextContent);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);

        // Released: the same post (same key) is stored once.
        var saved = await client.CommentAsync(slug, text, key);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Comments.CountAsync(c => c.IdempotencyKey == key)));
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateBrowserClient().GetAsync("/healthz")).StatusCode);
    }
}
