using System.Text.RegularExpressions;
using Blog.Web.Tests.Support;

namespace Blog.Web.Tests.Infrastructure;

/// <summary>
/// wwwroot is served from the build's list of assets: the layout links fingerprinted addresses, each served with an
/// immutable lifetime (a new build is a new address) and precompressed, never compressed per request.
/// </summary>
public sealed partial class StaticAssetsTests(EmptySiteFactory factory) : IClassFixture<EmptySiteFactory>
{
    [GeneratedRegex(@"^/css/site\.[a-z0-9]+\.css$")]
    private static partial Regex FingerprintedStylesheet();

    [GeneratedRegex(@"^/js/site\.[a-z0-9]+\.js$")]
    private static partial Regex FingerprintedScript();

    [Fact]
    public async Task TheLayout_LinksFingerprintedAssets_ServedImmutableAndCompressed()
    {
        var page = await factory.CreateAnonymousClient().GetDocumentAsync("/");
        var stylesheet = page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        var script = page.QuerySelector("script[src]")!.GetAttribute("src")!;
        Assert.Matches(FingerprintedStylesheet(), stylesheet);
        Assert.Matches(FingerprintedScript(), script);

        foreach (var asset in new[] { stylesheet, script })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, asset);
            request.Headers.Add("Accept-Encoding", "gzip");
            var response = await factory.CreateAnonymousClient().SendAsync(request);
            response.EnsureSuccessStatusCode();
            Assert.Contains("immutable", response.Headers.CacheControl!.ToString());
            Assert.True(response.Headers.CacheControl.MaxAge >= TimeSpan.FromDays(365), response.Headers.CacheControl.ToString());
            Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
        }
    }

    [Fact]
    public async Task TheUnfingerprintedAddress_StillAnswers_ButIsRevalidated()
    {
        var response = await factory.CreateAnonymousClient().GetAsync("/css/site.css");
        response.EnsureSuccessStatusCode();
        Assert.DoesNotContain("immutable", response.Headers.CacheControl?.ToString() ?? "");
        Assert.NotNull(response.Headers.ETag);
    }
}
