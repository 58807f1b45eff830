using Blog.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Web.Tests.Pages;

/// <summary>The site with its benchmark diagnostic on: each rendered response says how many SQL commands it sent.</summary>
public sealed class CountingSiteFactory() : BlogAppFactory(extra: new Dictionary<string, string?> { ["Diagnostics:SqlCommandHeader"] = "true" });

public sealed class CommentPerformanceTests(CountingSiteFactory factory) : IClassFixture<CountingSiteFactory>
{
    private static async Task<int> CommandsForAsync(HttpClient client, string url)
    {
        await client.GetAsync(url); // warm: first-request work is not the page's
        var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return int.Parse(response.Headers.GetValues("X-Sql-Commands").Single(), System.Globalization.CultureInfo.InvariantCulture);
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
            var forSmall = await CommandsForAsync(client, $"/articles/{small}");
            var forLarge = await CommandsForAsync(client, $"/articles/{large}");
            Assert.Equal(forSmall, forLarge);
            Assert.InRange(forLarge, 1, 8);
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
}
