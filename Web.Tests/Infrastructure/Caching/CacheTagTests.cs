using Blog.Web.Data;
using Blog.Web.Domain;
using Blog.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Web.Tests.Infrastructure.Caching;

/// <summary>A site of its own: what is cached here is what these tests put there.</summary>
public sealed class TaggedCacheSiteFactory() : BlogAppFactory(seedDemo: false);

/// <summary>A write evicts what shows what it changed, and nothing else.</summary>
public sealed class CacheTagTests(TaggedCacheSiteFactory factory) : IClassFixture<TaggedCacheSiteFactory>
{
    private HttpClient Anonymous() => factory.CreateAnonymousClient();

    /// <summary>Asks twice; true when the second answer came from the output cache.</summary>
    private static async Task<bool> CachedAsync(HttpClient client, string url)
    {
        (await client.GetAsync(url)).EnsureSuccessStatusCode();
        return (await client.GetAsync(url)).Headers.Age is not null;
    }

    private static async Task<bool> ServedFromCacheAsync(HttpClient client, string url) =>
        (await client.GetAsync(url)).Headers.Age is not null;

    [Fact]
    public async Task ANewCommentOnOneArticle_EvictsItsPageAndTheListsShowingIt_NotAnotherArticlesPage()
    {
        var a = await Discussions.PublishArticleAsync(factory);
        var b = await Discussions.PublishArticleAsync(factory);
        var reader = Anonymous();
        Assert.True(await CachedAsync(reader, $"/articles/{a}"));
        Assert.True(await CachedAsync(reader, $"/articles/{b}"));
        Assert.True(await CachedAsync(reader, "/"));
        Assert.True(await CachedAsync(reader, "/cases"));

        var (author, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);
        await author.CommentAsync(a, "TAGGED-A a new comment on the first article");

        var pageA = await reader.GetAsync($"/articles/{a}");
        Assert.Null(pageA.Headers.Age);
        Assert.Contains("TAGGED-A", await pageA.Content.ReadAsStringAsync());
        // The home page shows the first article's comment count: drawn afresh. The other article's page, and the
        // list of cases (which shows no comment counts), are still the ones kept.
        Assert.False(await ServedFromCacheAsync(reader, "/"));
        Assert.True(await ServedFromCacheAsync(reader, $"/articles/{b}"));
        Assert.True(await ServedFromCacheAsync(reader, "/cases"));
    }

    [Fact]
    public async Task AnEditedArticle_EvictsItsPageAndEveryList()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var reader = Anonymous();
        Assert.True(await CachedAsync(reader, $"/articles/{slug}"));
        Assert.True(await CachedAsync(reader, "/feed"));

        await factory.WithDbAsync(async db =>
        {
            var article = db.Articles.Single(x => x.Slug == slug);
            article.Standfirst = "RETOLD standfirst after a correction.";
            return await db.SaveChangesAsync();
        });

        var page = await reader.GetAsync($"/articles/{slug}");
        Assert.Null(page.Headers.Age);
        Assert.Contains("RETOLD", await page.Content.ReadAsStringAsync());
        Assert.Contains("RETOLD", await reader.GetStringAsync("/feed"));
    }

    [Fact]
    public async Task ARenamedAccount_IsRenamedOnEveryKeptPage()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var (author, user) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);
        await author.CommentAsync(slug, "A comment whose author changes their name");
        var reader = Anonymous();
        Assert.True(await CachedAsync(reader, $"/articles/{slug}"));
        Assert.Contains(user.DisplayName, await reader.GetStringAsync($"/articles/{slug}"));

        await factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<BlogUser>>();
            var account = (await users.FindByIdAsync(user.Id))!;
            account.DisplayName = "Renamed Reader";
            return await users.UpdateAsync(account);
        });

        var after = await reader.GetStringAsync($"/articles/{slug}");
        Assert.Contains("Renamed Reader", after);
        Assert.DoesNotContain(user.DisplayName, after);
    }

    [Fact]
    public async Task ARecommendation_EvictsOnlyItsDiscussion()
    {
        var a = await Discussions.PublishArticleAsync(factory);
        var b = await Discussions.PublishArticleAsync(factory);
        var (author, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);
        var id = Discussions.CommentIdFrom(await author.CommentAsync(a, "A comment to recommend"));
        var reader = Anonymous();
        Assert.True(await CachedAsync(reader, $"/articles/{a}"));
        Assert.True(await CachedAsync(reader, $"/articles/{b}"));

        var (fan, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);
        await fan.PressAsync($"/articles/{a}", $"#comment-{id} button.recommend");

        var page = await reader.GetDocumentAsync($"/articles/{a}");
        Assert.Equal("1 recommendation", page.QuerySelector($"#comment-{id} .recommend-count")?.TextContent);
        Assert.True(await ServedFromCacheAsync(reader, $"/articles/{b}"));
    }
}
