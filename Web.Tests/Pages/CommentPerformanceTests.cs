using Blog.Web.Infrastructure.Caching;
using Blog.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Web.Tests.Pages;

/// <summary>The site with its benchmark diagnostic on, and clients that ask it: each response says how many SQL commands it sent.</summary>
public sealed class CountingSiteFactory() : BlogAppFactory(extra: new Dictionary<string, string?> { ["Diagnostics:SqlCommandHeader"] = "true" })
{
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Add(Blog.Web.Infrastructure.SqlCommandCounting.AskHeader, "1");
    }
}

public sealed class CommentPerformanceTests(CountingSiteFactory factory) : IClassFixture<CountingSiteFactory>
{
    private static int Commands(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return int.Parse(response.Headers.GetValues("X-Sql-Commands").Single(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The SQL commands of the page loaded afresh (as after a new comment on it), and of
    /// the same page asked again with nothing changed.
    /// </summary>
    private async Task<(int Fresh, int Again)> CommandsForAsync(HttpClient client, string slug)
    {
        var url = $"/articles/{slug}";
        await client.GetAsync(url); // warm: first-request work (the session, the reader's standing) is not the page's
        var id = await factory.WithDbAsync(db => db.Articles.Where(a => a.Slug == slug).Select(a => a.Id).FirstAsync());
        await factory.Services.GetRequiredService<SiteCache>().EvictAsync([CacheTags.Article(id), CacheTags.Discussion(id)], CancellationToken.None);
        var fresh = Commands(await client.GetAsync(url));
        var again = Commands(await client.GetAsync(url));
        return (fresh, again);
    }

    [Fact]
    public async Task AnonymousPages_AreServedFromTheOutputCache_UntilSomethingChanges()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var (author, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);
        var id = Discussions.CommentIdFrom(await author.CommentAsync(slug, "CACHE-PROBE comment"));
        var reader = factory.CreateBrowserClient();

        Assert.Contains("CACHE-PROBE", await reader.GetStringAsync($"/articles/{slug}"));
        var cached = await reader.GetAsync($"/articles/{slug}");
        Assert.True(cached.Headers.Age is not null, "the second anonymous request should come from the output cache");

        // A signed-in reader always gets a fresh page.
        await author.GetAsync($"/articles/{slug}");
        Assert.Null((await author.GetAsync($"/articles/{slug}")).Headers.Age);

        // Moderation evicts at once: a removed comment is gone for the anonymous reader on the next request.
        var editor = await TestUsers.CreateAsync(factory, TestRole.Editor);
        await factory.WithScopeAsync(sp => sp.GetRequiredService<Blog.Web.Services.Moderation.ModerationService>()
            .RejectAsync(id, "abuse", "", editor.Id, CancellationToken.None));
        Assert.DoesNotContain("CACHE-PROBE", await reader.GetStringAsync($"/articles/{slug}"));
    }

    [Fact]
    public async Task RequestsThatDoNotAsk_AreNotCounted()
    {
        // The benchmark's load does not ask: its requests run as they would with the diagnostic off.
        var slug = await Discussions.PublishArticleAsync(factory);
        var response = await factory.Server.CreateClient().GetAsync($"/articles/{slug}");
        response.EnsureSuccessStatusCode();
        Assert.False(response.Headers.Contains("X-Sql-Commands"));
        Assert.True((await factory.CreateBrowserClient().GetAsync($"/articles/{slug}")).Headers.Contains("X-Sql-Commands"));
    }

    [Fact]
    public async Task ArticlePage_UsesTheSameSmallNumberOfSqlCommands_ForTenOrAThousandComments()
    {
        var author = await TestUsers.CreateAsync(factory, TestRole.Subscriber);
        var small = await Discussions.PublishArticleAsync(factory);
        var large = await Discussions.PublishArticleAsync(factory);
        await Discussions.SeedThreadAsync(factory, small, comments: 10, topLevel: 4, authorId: author.Id);
        await Discussions.SeedThreadAsync(factory, large, comments: 1000, topLevel: 400, authorId: author.Id);
        var (subscriber, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);

        // An anonymous reader with a cookie (say, an antiforgery cookie from the sign-in page) is not served from the
        // output cache, so this measures the page itself; so does a signed-in subscriber.
        var uncachedReader = factory.CreateBrowserClient();
        uncachedReader.DefaultRequestHeaders.Add("Cookie", "seen=1");
        foreach (var client in new[] { uncachedReader, subscriber })
        {
            var forSmall = await CommandsForAsync(client, small);
            var forLarge = await CommandsForAsync(client, large);
            Assert.Equal(forSmall, forLarge);
            Assert.InRange(forLarge.Fresh, 1, 9);
            // Nothing changed: the article, its threads and the reader's part of them are all still in memory.
            Assert.Equal(0, forLarge.Again);
        }

        // And the large page really carries its first 50 threads with every reply under them.
        var page = await factory.CreateBrowserClient().GetDocumentAsync($"/articles/{large}");
        var expected = await factory.WithDbAsync(async db =>
        {
            var roots = await db.Comments.Where(c => c.Article!.Slug == large && c.ParentId == null).OrderBy(c => c.CreatedAt).Take(50).Select(c => c.Id).ToListAsync();
            return await db.Comments.CountAsync(c => roots.Contains(c.RootId));
        });
        Assert.Equal(expected, page.QuerySelectorAll("li.comment").Length);
    }

    [Fact]
    public async Task SignedInReaders_SeeEveryChangeAtOnce_ThoughThreadsAreKeptInMemory()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var (author, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);
        var (reader, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);
        var first = Discussions.CommentIdFrom(await author.CommentAsync(slug, "KEPT-1 first word"));
        Assert.Contains("KEPT-1", await reader.GetStringAsync($"/articles/{slug}"));
        Assert.Equal(0, Commands(await reader.GetAsync($"/articles/{slug}"))); // kept in memory, with no SQL at all

        // Another reader's new comment, at once.
        var second = Discussions.CommentIdFrom(await author.CommentAsync(slug, "KEPT-2 second word"));
        Assert.Contains("KEPT-2", await reader.GetStringAsync($"/articles/{slug}"));

        // A moderator's removal, at once.
        var editor = await TestUsers.CreateAsync(factory, TestRole.Editor);
        await factory.WithScopeAsync(sp => sp.GetRequiredService<Blog.Web.Services.Moderation.ModerationService>()
            .RejectAsync(second, "abuse", "", editor.Id, CancellationToken.None));
        Assert.DoesNotContain("KEPT-2", await reader.GetStringAsync($"/articles/{slug}"));

        // The reader's own recommendation, at once, and only for them.
        await reader.PressAsync($"/articles/{slug}", $"#comment-{first} button.recommend");
        var theirs = await reader.GetDocumentAsync($"/articles/{slug}");
        Assert.Equal("true", theirs.QuerySelector($"#comment-{first} .recommend")!.GetAttribute("aria-pressed"));
        var (other, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);
        var others = await other.GetDocumentAsync($"/articles/{slug}");
        Assert.Equal("false", others.QuerySelector($"#comment-{first} .recommend")!.GetAttribute("aria-pressed"));
        Assert.Contains("(1)", others.QuerySelector($"#comment-{first} .recommend")!.TextContent);

        // The author's tools are on their own comment only; the others' are on everyone else's.
        var authors = await author.GetDocumentAsync($"/articles/{slug}");
        Assert.NotNull(authors.QuerySelector($"#comment-{first} a[href='/comments/{first}/edit']"));
        Assert.Null(authors.QuerySelector($"#comment-{first} .recommend"));
        Assert.Null(others.QuerySelector($"#comment-{first} a[href='/comments/{first}/edit']"));
        Assert.NotNull(others.QuerySelector($"#comment-{first} a[href='/comments/{first}/report']"));
    }
}
