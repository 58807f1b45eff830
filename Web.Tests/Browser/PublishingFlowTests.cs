using Microsoft.Playwright;

namespace Blog.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class PublishingFlowTests(BrowserFixture browser)
{
    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task Editor_WritesPreviewsAndPublishes_ThenAReaderFindsItOnTheHomePageAndThroughSearch()
    {
        var title = $"Court of Appeal splits on costs order {Guid.NewGuid().ToString("N")[..6]}";
        var editor = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(editor, "editor@docket.test", "demo editor passphrase");

        await editor.GetByRole(AriaRole.Link, new() { Name = "Newsroom", Exact = true }).ClickAsync();
        await SmokeTests.AssertNoAxeViolationsAsync(editor, "newsroom");
        await editor.GetByRole(AriaRole.Link, new() { Name = "Write an article" }).ClickAsync();
        await editor.GetByLabel("Title").FillAsync(title);
        await editor.GetByLabel("Standfirst").FillAsync("Two judges to one, the court trimmed the award of costs.");
        await editor.GetByLabel("Body (Markdown)").FillAsync("""
            The Court of Appeal has divided over the costs of a long-running dispute.[^1]

            | Judge | Costs |
            |---|---|
            | First judge | Reduced |
            | Second judge | Reduced |
            | Third judge | Upheld |

            [^1]: The parties may apply for a recall within ten working days.
            """);
        await editor.GetByLabel("Case").SelectOptionAsync(new SelectOptionValue { Label = "Murray v Wishart" });
        await editor.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();

        var preview = editor.Locator(".preview");
        await preview.Locator("table").WaitForAsync();
        Assert.Equal(3, await preview.Locator("tbody tr").CountAsync());
        Assert.Equal(1, await preview.Locator(".footnotes li").CountAsync());
        await SmokeTests.AssertNoAxeViolationsAsync(editor, "article-editor-preview");
        await editor.ScreenshotAsync(new() { Path = Shot("editor-preview.png"), FullPage = true });

        await editor.GetByRole(AriaRole.Button, new() { Name = "Publish now" }).ClickAsync();
        await editor.Locator(".status-message").WaitForAsync();
        Assert.Contains("Published", await editor.Locator(".status-message").TextContentAsync());

        var reader = await browser.NewPageAsync();
        await reader.GotoAsync("/");
        await reader.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await reader.Locator(".article-body table").WaitForAsync();
        Assert.Equal("Murray v Wishart", (await reader.Locator(".case-box dd a").TextContentAsync())?.Trim());

        await reader.GetByRole(AriaRole.Link, new() { Name = "Search", Exact = true }).ClickAsync();
        await reader.GetByLabel("Words, party names or a citation").FillAsync("costs order");
        await reader.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        var hit = reader.Locator(".article-card").Filter(new() { HasText = title });
        await hit.WaitForAsync();
        Assert.True(await hit.Locator("mark").CountAsync() >= 1);
        await SmokeTests.AssertNoAxeViolationsAsync(reader, "search-results");
        await reader.ScreenshotAsync(new() { Path = Shot("search.png"), FullPage = true });
    }

    [Fact]
    public async Task CasesIndex_FiltersWithoutJavaScript_AndHasNoAccessibilityViolations()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/cases");
        await page.GetByLabel("Jurisdiction").SelectOptionAsync("New Zealand");
        // Wait for the navigation the click starts, not for a URL that may already have arrived.
        var navigated = page.WaitForURLAsync(url => url.Contains("jurisdiction=New+Zealand", StringComparison.Ordinal),
            new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await navigated;

        var names = await page.Locator(".case-card h2").AllTextContentsAsync();
        Assert.Contains("Murray v Wishart", names);
        Assert.DoesNotContain("Donoghue v Stevenson", names);
        await SmokeTests.AssertNoAxeViolationsAsync(page, "cases-filtered");
    }
}
