using System.Net;
using System.Xml.Linq;
using Blog.Web.Tests.Support;

namespace Blog.Web.Tests.Pages;

public sealed class NewsroomTests(EmptySiteFactory factory) : IClassFixture<EmptySiteFactory>
{
    private static string Unique(string title) => $"{title} {Guid.NewGuid().ToString("N")[..8]}";

    private async Task<HttpClient> EditorAsync() => (await TestUsers.SignedInClientAsync(factory, TestRole.Editor)).Client;

    private static async Task<string> SlugOfAsync(HttpClient editor, string editUrl)
    {
        var page = await editor.GetDocumentAsync(editUrl);
        return page.QuerySelector("#Input_Slug")!.GetAttribute("value")!;
    }

    /// <summary>Every surface a reader could find an article on, and whether the title shows there.</summary>
    private async Task<Dictionary<string, bool>> SurfacesAsync(string title, string slug, string tag, string caseSlug, string authorSlug)
    {
        var reader = factory.CreateBrowserClient();
        var word = title.Split(' ')[^1];
        // Text, not markup: search results wrap the matched word in <mark>.
        async Task<bool> Shows(string url) => url.Contains("feed", StringComparison.Ordinal)
            ? (await reader.GetStringAsync(url)).Contains(title, StringComparison.Ordinal)
            : (await reader.GetDocumentAsync(url)).Body!.TextContent.Contains(title, StringComparison.Ordinal);
        return new Dictionary<string, bool>
        {
            ["page"] = (await reader.GetAsync($"/articles/{slug}")).StatusCode == HttpStatusCode.OK,
            ["home"] = await Shows("/"),
            ["search"] = await Shows($"/search?q={word}"),
            ["feed"] = await Shows("/feed"),
            ["case feed"] = await Shows($"/cases/{caseSlug}/feed"),
            ["case page"] = await Shows($"/cases/{caseSlug}"),
            ["tag page"] = await Shows($"/tags/{tag}"),
            ["author page"] = await Shows($"/authors/{authorSlug}"),
            ["sitemap"] = (await (await reader.GetAsync("/sitemap.xml")).Content.ReadAsStringAsync()).Contains($"/articles/{slug}<", StringComparison.Ordinal),
        };
    }

    [Fact]
    public async Task Draft_IsInvisibleEverywhere_PublishShowsItEverywhere_UnpublishHidesItAgain()
    {
        var (editor, editorUser) = await TestUsers.SignedInClientAsync(factory, TestRole.Editor);
        var caseName = Unique("Visibility v Surfaces");
        var caseId = await editor.CreateCaseAsync(caseName, "[2026] NZHC 1");
        var caseSlug = (await editor.GetDocumentAsync($"/editor/cases/{caseId}/edit")).QuerySelector("#Input_Slug")!.GetAttribute("value")!;
        var title = Unique("Draft surfaces check");
        var tag = "Surface" + Guid.NewGuid().ToString("N")[..6];
        var edit = await editor.CreateArticleAsync(Newsroom.Article(title, tags: tag, caseId: caseId));
        var slug = await SlugOfAsync(editor, edit);
        var authorSlug = await factory.WithDbAsync(db => Task.FromResult(db.Users.Where(u => u.Id == editorUser.Id).Select(u => u.AuthorSlug).Single()!));

        var asDraft = await SurfacesAsync(title, slug, tag.ToLowerInvariant(), caseSlug, authorSlug);
        Assert.All(asDraft, s => Assert.False(s.Value, $"a draft showed on the {s.Key}"));

        var published = await editor.SubmitArticleAsync(edit, Newsroom.Article(title, tags: tag, caseId: caseId), "publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var live = await SurfacesAsync(title, slug, tag.ToLowerInvariant(), caseSlug, authorSlug);
        Assert.All(live, s => Assert.True(s.Value, $"a published article was missing from the {s.Key}"));

        var unpublished = await editor.SubmitArticleAsync(edit, Newsroom.Article(title, tags: tag, caseId: caseId), "unpublish");
        Assert.Equal(HttpStatusCode.Redirect, unpublished.StatusCode);
        var hidden = await SurfacesAsync(title, slug, tag.ToLowerInvariant(), caseSlug, authorSlug);
        Assert.All(hidden, s => Assert.False(s.Value, $"an unpublished article still showed on the {s.Key}"));
    }

    [Fact]
    public async Task Scheduled_AppearsWhenItsTimeComes_WithoutARestart()
    {
        var editor = await EditorAsync();
        var title = Unique("Scheduled ruling");
        var at = factory.Clock.GetUtcNow().AddHours(3);
        var edit = await editor.CreateArticleAsync(Newsroom.Article(title), "schedule", at);
        var slug = await SlugOfAsync(editor, edit);
        var reader = factory.CreateBrowserClient();

        Assert.Contains("Scheduled", (await editor.GetDocumentAsync(edit)).QuerySelector(".status")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/articles/{slug}")).StatusCode);

        factory.Clock.Advance(TimeSpan.FromHours(3).Add(TimeSpan.FromMinutes(1)));

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/articles/{slug}")).StatusCode);
        Assert.Contains(title, await (await reader.GetAsync("/")).Content.ReadAsStringAsync());
        Assert.Contains(title, (await reader.GetDocumentAsync($"/search?q={title.Split(' ')[^1]}")).Body!.TextContent);
    }

    [Fact]
    public async Task Schedule_InThePast_IsRefusedAndTheFormKeepsItsText()
    {
        var editor = await EditorAsync();
        var fields = Newsroom.Article(Unique("Too late"), body: "Body that must not be lost.");

        var response = await editor.SubmitArticleAsync("/editor/articles/new", fields, "schedule", factory.Clock.GetUtcNow().AddHours(-1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains(Html.Errors(page), e => e.Contains("must be in the future"));
        Assert.Equal("Body that must not be lost.", page.QuerySelector("#Input_Body")!.TextContent);
    }

    [Fact]
    public async Task MissingTitle_IsRefusedWithTheReasonAndTheBodyKept()
    {
        var editor = await EditorAsync();
        var fields = Newsroom.Article("", body: "Keep me.");

        var response = await editor.SubmitArticleAsync("/editor/articles/new", fields, "publish");

        var page = await Html.ParseAsync(response);
        Assert.Contains("Give the article a title.", Html.Errors(page));
        Assert.Equal("Keep me.", page.QuerySelector("#Input_Body")!.TextContent);
    }

    [Fact]
    public async Task Preview_RendersTablesAndFootnotes_WithoutSavingAnything()
    {
        var editor = await EditorAsync();
        var title = Unique("Preview only");
        var before = await factory.WithDbAsync(db => Task.FromResult(db.Articles.Count()));

        var response = await editor.SubmitArticleAsync("/editor/articles/new",
            Newsroom.Article(title, body: "| Judge | Result |\n|---|---|\n| A | Allowed |\n\nA claim.[^1]\n\n[^1]: The source."), "preview");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.NotNull(page.QuerySelector(".preview table td"));
        Assert.NotNull(page.QuerySelector(".preview .footnotes"));
        Assert.Equal(before, await factory.WithDbAsync(db => Task.FromResult(db.Articles.Count())));
    }

    [Fact]
    public async Task ChangingTheSlug_RedirectsTheOldAddressPermanently()
    {
        var editor = await EditorAsync();
        var title = Unique("Renamed story");
        var edit = await editor.CreateArticleAsync(Newsroom.Article(title), "publish");
        var oldSlug = await SlugOfAsync(editor, edit);
        var newSlug = "renamed-" + Guid.NewGuid().ToString("N")[..8];

        var saved = await editor.SubmitArticleAsync(edit, Newsroom.Article(title, slug: newSlug), "save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var old = await factory.CreateBrowserClient().GetAsync($"/articles/{oldSlug}");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal($"/articles/{newSlug}", old.Location());
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateBrowserClient().GetAsync($"/articles/{newSlug}")).StatusCode);
    }

    [Fact]
    public async Task SameTitleTwice_GetsADistinctSlug_AndATakenExplicitSlugIsRefused()
    {
        var editor = await EditorAsync();
        var title = Unique("Twin headline");
        var first = await SlugOfAsync(editor, await editor.CreateArticleAsync(Newsroom.Article(title)));
        var second = await SlugOfAsync(editor, await editor.CreateArticleAsync(Newsroom.Article(title)));

        Assert.Equal($"{first}-2", second);

        var clash = await editor.SubmitArticleAsync("/editor/articles/new", Newsroom.Article(Unique("Other"), slug: first), "save");
        Assert.Contains(Html.Errors(await Html.ParseAsync(clash)), e => e.Contains("already uses that address"));
    }

    [Fact]
    public async Task ArticleBody_XssVectorsRenderInertOnThePublicPage()
    {
        var editor = await EditorAsync();
        const string body = "[click](javascript:alert(1)) <script>alert(2)</script> <img src=x onerror=alert(3)>\n\n[y](data:text/html,hi) [z](https://a.example){onclick=alert(4)}";
        var edit = await editor.CreateArticleAsync(Newsroom.Article(Unique("Hostile markdown"), body: body), "publish");
        var slug = await SlugOfAsync(editor, edit);

        var page = await factory.CreateBrowserClient().GetDocumentAsync($"/articles/{slug}");

        var articleBody = page.QuerySelector(".article-body")!;
        Assert.Empty(articleBody.QuerySelectorAll("script, img[onerror], [onclick]"));
        Assert.All(articleBody.QuerySelectorAll("a[href]"), a =>
            Assert.Matches("^(https?:|mailto:|#|/)", a.GetAttribute("href")!));
    }

    [Fact]
    public async Task SubscriberOnlyArticle_ShowsOthersATeaser_AndSubscribersTheWholeText()
    {
        var editor = await EditorAsync();
        var title = Unique("Members analysis");
        var body = "Opening paragraph everyone sees.\n\nSecond paragraph, also in the teaser.\n\nThe SECRET-ANALYSIS only subscribers read.";
        var edit = await editor.CreateArticleAsync(Newsroom.Article(title, body: body, visibility: "Subscribers"), "publish");
        var slug = await SlugOfAsync(editor, edit);

        async Task<string> Body(HttpClient client) => await (await client.GetAsync($"/articles/{slug}")).Content.ReadAsStringAsync();
        var anonymous = await Body(factory.CreateBrowserClient());
        var member = await Body((await TestUsers.SignedInClientAsync(factory, TestRole.Member)).Client);
        var subscriber = await Body((await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber)).Client);

        Assert.Contains("Opening paragraph everyone sees.", anonymous);
        Assert.DoesNotContain("SECRET-ANALYSIS", anonymous);
        Assert.Contains("This article is for subscribers", anonymous);
        Assert.DoesNotContain("SECRET-ANALYSIS", member);
        Assert.Contains("SECRET-ANALYSIS", subscriber);
        Assert.Contains("SECRET-ANALYSIS", await Body(editor));
        Assert.DoesNotContain("SECRET-ANALYSIS", await (await factory.CreateBrowserClient().GetAsync("/feed")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task CaseRecords_CreateEditLinkAndFilter()
    {
        var editor = await EditorAsync();
        var appealName = Unique("Appellant v Respondent (appeal)");
        var firstName = Unique("Appellant v Respondent");
        var first = await editor.CreateCaseAsync(firstName, "[2025] NZHC 10", court: "High Court of New Zealand", status: "Verdict");
        var appeal = await editor.CreateCaseAsync(appealName, "[2026] NZCA 20\nCA 12/2026", court: "Court of Appeal of New Zealand", status: "Appeal");
        var title = Unique("Appeal filed");
        var edit = await editor.CreateArticleAsync(Newsroom.Article(title, caseId: appeal), "publish");

        var saved = await editor.PostFormAsync($"/editor/cases/{appeal}/edit", new Dictionary<string, string>
        {
            ["Input.Judges"] = "Judge A, Judge B",
            ["Input.RelatedCaseIds"] = first.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, formSelector: "form.editor-form");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var appealSlug = (await editor.GetDocumentAsync($"/editor/cases/{appeal}/edit")).QuerySelector("#Input_Slug")!.GetAttribute("value");
        var page = await factory.CreateBrowserClient().GetDocumentAsync($"/cases/{appealSlug}");
        var facts = page.QuerySelector(".case-facts")!.TextContent;
        Assert.Contains("[2026] NZCA 20", facts);
        Assert.Contains("CA 12/2026", facts);
        Assert.Contains("Judge A, Judge B", facts);
        Assert.Contains(firstName, facts);
        Assert.Contains(title, page.QuerySelector(".timeline")!.TextContent);

        var filtered = await factory.CreateBrowserClient().GetDocumentAsync("/cases?status=Appeal&court=Court+of+Appeal+of+New+Zealand");
        var names = filtered.QuerySelectorAll(".case-card h2").Select(h => h.TextContent).ToList();
        Assert.Contains(appealName, names);
        Assert.DoesNotContain(firstName, names);

        var articlePage = await factory.CreateBrowserClient().GetDocumentAsync($"/articles/{await SlugOfAsync(editor, edit)}");
        Assert.Contains("[2026] NZCA 20", articlePage.QuerySelector(".case-box")!.TextContent);
    }

    [Fact]
    public async Task FeedsAndSitemap_AreWellFormedXml()
    {
        var editor = await EditorAsync();
        var caseId = await editor.CreateCaseAsync(Unique("Feed v Reader"));
        await editor.CreateArticleAsync(Newsroom.Article(Unique("Feed & <XML> entry"), caseId: caseId), "publish");
        var caseSlug = (await editor.GetDocumentAsync($"/editor/cases/{caseId}/edit")).QuerySelector("#Input_Slug")!.GetAttribute("value");
        var reader = factory.CreateBrowserClient();
        XNamespace atom = "http://www.w3.org/2005/Atom";
        XNamespace sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

        var feed = XDocument.Parse(await reader.GetStringAsync("/feed"));
        Assert.Equal(atom + "feed", feed.Root!.Name);
        Assert.Contains(feed.Root.Elements(atom + "entry"), e => e.Element(atom + "title")!.Value.StartsWith("Feed & <XML> entry", StringComparison.Ordinal));

        var caseFeed = await reader.GetAsync($"/cases/{caseSlug}/feed");
        Assert.Equal("application/atom+xml", caseFeed.Content.Headers.ContentType!.MediaType);
        Assert.Single(XDocument.Parse(await caseFeed.Content.ReadAsStringAsync()).Root!.Elements(atom + "entry"));
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/cases/no-such-case/feed")).StatusCode);

        var map = XDocument.Parse(await reader.GetStringAsync("/sitemap.xml"));
        Assert.Equal(sitemap + "urlset", map.Root!.Name);
        Assert.Contains(map.Root.Elements(sitemap + "url"), u => u.Element(sitemap + "loc")!.Value.EndsWith($"/cases/{caseSlug}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ArticlePage_HasCanonicalOpenGraphAndNewsArticleJsonLd()
    {
        var editor = await EditorAsync();
        var title = Unique("Structured \"data\" </script> check");
        var slug = await SlugOfAsync(editor, await editor.CreateArticleAsync(Newsroom.Article(title), "publish"));

        var page = await factory.CreateBrowserClient().GetDocumentAsync($"/articles/{slug}");

        Assert.EndsWith($"/articles/{slug}", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal(title, page.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
        var json = page.QuerySelector("script[type='application/ld+json']")!.TextContent;
        using var ld = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal("NewsArticle", ld.RootElement.GetProperty("@type").GetString());
        Assert.Equal(title, ld.RootElement.GetProperty("headline").GetString());
        Assert.DoesNotContain("</script>", json);
    }

    [Fact]
    public async Task Search_FindsByCitationAndByPartyName_AndHighlightsTheMatch()
    {
        var editor = await EditorAsync();
        var party = "Zyxwvut" + Guid.NewGuid().ToString("N")[..5];
        var caseId = await editor.CreateCaseAsync($"{party} Holdings v Commissioner", "[2026] NZSC 4321");
        var title = Unique("Supreme Court rules on the tax dispute");
        await editor.CreateArticleAsync(Newsroom.Article(title, caseId: caseId), "publish");
        var reader = factory.CreateBrowserClient();

        var byCitation = await reader.GetDocumentAsync("/search?q=%5B2026%5D+NZSC+4321");
        Assert.Contains(byCitation.QuerySelectorAll(".article-card"), c => c.TextContent.Contains(title));

        var byParty = await reader.GetDocumentAsync($"/search?q={party.ToLowerInvariant()}");
        Assert.Contains(byParty.QuerySelectorAll(".article-card"), c => c.TextContent.Contains(title));
        Assert.Contains(byParty.QuerySelectorAll(".case-results mark"), m => m.TextContent == party);
    }
}
