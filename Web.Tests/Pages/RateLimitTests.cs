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
        Assert.InRange(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        // The site's own page, saying why and when to try again.
        var page = await Html.ParseAsync(limited);
        Assert.Contains("Slow down", page.QuerySelector("h1")!.TextContent);
        Assert.Matches(@"wait \d+ seconds? and try again", page.QuerySelector("main")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
    }
}
