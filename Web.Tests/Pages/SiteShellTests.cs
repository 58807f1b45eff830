using System.Net;
using AngleSharp.Dom;
using Blog.Web.Tests.Support;

namespace Blog.Web.Tests.Pages;

public sealed class SiteShellTests(DemoSiteFactory factory) : IClassFixture<DemoSiteFactory>
{
    private const string VollerSlug = "newsrooms-answer-for-readers-facebook-comments-high-court-rules";

    [Fact]
    public async Task Home_ListsTheDemoArticlesWithNavigationAndFooter()
    {
        var page = await factory.CreateBrowserClient().GetDocumentAsync("/");

        Assert.Equal("Docket", page.QuerySelector(".brand")!.TextContent.Trim());
        Assert.Equal(["Latest", "Cases", "Search", "Subscribe"], page.QuerySelectorAll(".site-nav a").Select(a => a.TextContent.Trim()));
        Assert.Equal(["Sign in", "Register"], page.QuerySelectorAll(".account-nav a").Select(a => a.TextContent.Trim()));
        Assert.Equal(["About", "Privacy", "Complaints"], page.QuerySelectorAll(".site-footer nav a").Select(a => a.TextContent.Trim()));
        Assert.True(page.QuerySelectorAll(".article-card").Length >= 4);
        Assert.Contains("Fairfax Media Publications Pty Ltd v Voller", page.QuerySelector(".article-card")!.TextContent);
    }

    [Fact]
    public async Task Article_ShowsTheCaseBoxAndADeepThreadedDiscussion()
    {
        var page = await factory.CreateBrowserClient().GetDocumentAsync($"/articles/{VollerSlug}");

        Assert.Contains("[2021] HCA 27", page.QuerySelector(".case-box")!.TextContent);
        Assert.NotNull(page.QuerySelector(".article-body table"));
        Assert.NotNull(page.QuerySelector(".article-body .footnotes"));
        var comments = page.QuerySelectorAll("li.comment");
        Assert.True(comments.Length >= 30, $"only {comments.Length} comments");
        var deepest = comments.Max(c => c.GetAncestors().OfType<IElement>().Count(a => a.LocalName == "li" && a.ClassList.Contains("comment")));
        Assert.True(deepest >= 3, "the discussion should be at least four levels deep");
        // The withdrawn demo comment keeps its reply as a placeholder with no text of its own.
        Assert.Contains(page.QuerySelectorAll(".comment-placeholder"), p => p.TextContent == "[deleted]");
        Assert.DoesNotContain("private messages sent to a page", page.Body!.TextContent);
    }

    [Fact]
    public async Task CasePages_ShowFactsAndTheTimeline()
    {
        var client = factory.CreateBrowserClient();
        var index = await client.GetDocumentAsync("/cases");
        Assert.True(index.QuerySelectorAll(".case-card").Length >= 4);

        var page = await client.GetDocumentAsync("/cases/republic-of-kazakhstan-v-mega-ltd");
        Assert.Contains("[2016] NZHC 963", page.QuerySelector(".case-facts")!.TextContent);
        Assert.Single(page.QuerySelectorAll(".timeline li"));
    }

    [Fact]
    public async Task Search_FindsAnArticleByCitationAndSaysWhenNothingMatches()
    {
        var client = factory.CreateBrowserClient();
        var found = await client.GetDocumentAsync("/search?q=NZHC+963");
        Assert.Contains(found.QuerySelectorAll(".article-card"), h => h.TextContent.Contains("Mega to hand over account details"));

        var none = await client.GetDocumentAsync("/search?q=zzzqqq");
        Assert.Contains("Nothing matches", none.QuerySelector(".empty")!.TextContent);
    }

    [Theory]
    [InlineData("/")]
    [InlineData($"/articles/{VollerSlug}")]
    [InlineData("/account/login")]
    public async Task Pages_SendSecurityHeadersAndNoInlineOrThirdPartyScript(string path)
    {
        var response = await factory.CreateBrowserClient().GetAsync(path);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Contains("base-uri 'none'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());

        var page = await Html.ParseAsync(response);
        // Structured data (application/ld+json) is not script; everything executable comes from our origin.
        Assert.All(page.QuerySelectorAll("script:not([type='application/ld+json'])"), s => Assert.StartsWith("/", s.GetAttribute("src")));
        Assert.All(page.QuerySelectorAll("[style]"), e => Assert.Fail($"inline style on {e.NodeName}"));
        Assert.All(page.QuerySelectorAll("link[rel=stylesheet], link[rel=icon], img[src], script[src]"),
            e => Assert.StartsWith("/", e.GetAttribute("href") ?? e.GetAttribute("src")));
    }

    [Theory]
    [InlineData("/articles/no-such-article")]
    [InlineData("/cases/no-such-case")]
    [InlineData("/no/such/page")]
    public async Task Missing_GetsAFriendly404(string path)
    {
        var response = await factory.CreateBrowserClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector(".site-nav"));
    }

    [Fact]
    public async Task Healthz_ReportsTheDatabaseHealthy()
    {
        var response = await factory.CreateBrowserClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RobotsTxt_KeepsCrawlersOutOfAccounts()
    {
        var response = await factory.CreateBrowserClient().GetAsync("/robots.txt");

        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Disallow: /account/", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task StaticPages_AreServed()
    {
        var client = factory.CreateBrowserClient();
        foreach (var path in new[] { "/about", "/privacy", "/complaints", "/subscribe", "/css/site.css", "/js/site.js" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public async Task Antiforgery_APostWithoutTheTokenIsRefused()
    {
        var response = await factory.CreateBrowserClient().PostAsync("/account/login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "sam@docket.test", ["Input.Password"] = "demo subscriber passphrase" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("__Host-docket=")));
    }
}
