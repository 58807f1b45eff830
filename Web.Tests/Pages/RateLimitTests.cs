using System.Net;
using Blog.Web.Tests.Support;

namespace Blog.Web.Tests.Pages;

public sealed class TightLimitFactory() : BlogAppFactory(extra: new Dictionary<string, string?> { ["Security:AccountPostsPerMinute"] = "3" });

public sealed class RateLimitTests(TightLimitFactory factory) : IClassFixture<TightLimitFactory>
{
    [Fact]
    public async Task SignInPosts_BeyondTheLimit_Get429WithRetryAfter_ButPagesStillLoad()
    {
        var client = factory.CreateBrowserClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.SignInAsync("nobody@example.test", "wrong wrong wrong")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        var limited = await client.SignInAsync("nobody@example.test", "wrong wrong wrong");
        Assert.Equal("60", limited.Headers.GetValues("Retry-After").Single());
        Assert.Contains("wait a minute", await limited.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
    }
}
