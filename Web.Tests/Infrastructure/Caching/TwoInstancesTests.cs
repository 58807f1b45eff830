using System.Net;
using Blog.Web.Domain;
using Blog.Web.Services.Accounts;
using Blog.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Web.Tests.Infrastructure.Caching;

/// <summary>
/// Two instances of the site on one database and one real Redis: what one instance evicts, the other drops at once,
/// pages, data and sessions alike.
/// </summary>
public sealed class TwoInstancesTests : IClassFixture<RedisServer>, IDisposable
{
    private readonly RedisServer redis;
    private readonly BlogAppFactory first;
    private readonly BlogAppFactory second;

    public TwoInstancesTests(RedisServer redis)
    {
        this.redis = redis;
        first = new BlogAppFactory(extra: new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = redis.Connection });
        second = new BlogAppFactory(extra: new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = redis.Connection }, sameDatabaseAs: first);
    }

    private static HttpClient Anonymous(BlogAppFactory instance) => instance.CreateAnonymousClient();

    /// <summary>The same browser on another instance: the cookies it holds, sent to the other.</summary>
    private static async Task<HttpResponseMessage> GetWithCookiesAsync(BlogAppFactory instance, string url, string cookies)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookies);
        return await Anonymous(instance).SendAsync(request);
    }

    [Fact]
    public async Task ACommentPostedOnOneInstance_IsOnTheOthersCachedPage_AtOnce()
    {
        redis.SkipIfUnavailable();
        var slug = await Discussions.PublishArticleAsync(first);
        var reader = Anonymous(first);
        await reader.GetAsync($"/articles/{slug}");
        Assert.NotNull((await reader.GetAsync($"/articles/{slug}")).Headers.Age);

        var (author, _) = await TestUsers.SignedInClientAsync(second, TestRole.Subscriber);
        await author.CommentAsync(slug, "ACROSS-INSTANCES posted through the second instance");

        var page = await reader.GetAsync($"/articles/{slug}");
        Assert.Null(page.Headers.Age);
        Assert.Contains("ACROSS-INSTANCES", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ASessionEndedOnOneInstance_IsRefusedByTheOther_AtOnce()
    {
        redis.SkipIfUnavailable();
        var user = await TestUsers.CreateAsync(first, TestRole.Member);
        var browser = first.CreateBrowserClient();
        await browser.SignInAsync(user.Email, user.Password);
        var cookies = (await browser.GetAsync("/account/manage")).RequestMessage!.Headers.GetValues("Cookie").Single();
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookiesAsync(second, "/account/manage", cookies)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookiesAsync(first, "/account/manage", cookies)).StatusCode);

        await second.WithScopeAsync(sp => sp.GetRequiredService<UserSessions>().EndAllAsync(user.Id, CancellationToken.None));

        var refused = await GetWithCookiesAsync(first, "/account/manage", cookies);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/login", refused.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ASubscriptionGrantedThroughOneInstance_CountsOnTheOther_AtOnce()
    {
        redis.SkipIfUnavailable();
        var slug = await Discussions.PublishArticleAsync(first);
        await first.WithScopeAsync(sp => sp.GetRequiredService<Blog.Web.Services.Subscriptions.AdService>().SaveAsync(
            new("Probe", "Subscribe", "/subscribe", "", AdSlot.Header, first.Clock.GetUtcNow().AddDays(-1), null, 1, false), CancellationToken.None));
        var (reader, user) = await TestUsers.SignedInClientAsync(first, TestRole.Member);
        Assert.NotNull((await reader.GetDocumentAsync($"/articles/{slug}")).QuerySelector("[data-ad-slot]"));

        await second.WithDbAsync(async db =>
        {
            db.Subscriptions.Add(new Subscription
            {
                UserId = user.Id, Plan = "monthly", Source = SubscriptionSource.AdminGrant, Status = SubscriptionStatus.Active,
                StartedAt = second.Clock.GetUtcNow(), CurrentPeriodEnd = second.Clock.GetUtcNow().AddDays(30),
            });
            return await db.SaveChangesAsync();
        });

        Assert.Null((await reader.GetDocumentAsync($"/articles/{slug}")).QuerySelector("[data-ad-slot]"));
    }

    public void Dispose()
    {
        second.Dispose();
        first.Dispose();
    }
}
