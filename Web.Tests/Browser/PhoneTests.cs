using Microsoft.Playwright;

namespace Blog.Web.Tests.Browser;

/// <summary>A 390-pixel phone: long unbroken words and addresses wrap, no page scrolls sideways, the box counts down.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneTests(BrowserFixture browser)
{
    private const string Article = "/articles/newsrooms-answer-for-readers-facebook-comments-high-court-rules";

    [Fact]
    public async Task LongWordsAndAddresses_WrapOnAPhone_AndTheCommentBoxCountsWhatIsLeft()
    {
        Assert.SkipWhen(browser.Unavailable is not null, browser.Unavailable ?? "");
        var context = await browser.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseUrl, ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true,
        });
        var page = await context.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "sam@docket.test", "demo subscriber passphrase");
        await page.GotoAsync(Article);
        var word = "Supercalifragilistic" + new string('x', 260);
        var url = "https://www.example.org/" + string.Concat(Enumerable.Repeat("a-very-long-path-segment/", 12));

        // The counter: what is left, then how far over, and a paste is not cut.
        var box = page.Locator("#comment-body");
        await box.FillAsync("Twelve chars");
        Assert.Equal("4,988 characters left", (await page.Locator("#comments form.comment-form .char-count").TextContentAsync())?.Trim());
        await box.FillAsync(new string('y', 5003));
        Assert.Equal("3 characters over the limit", (await page.Locator("#comments form.comment-form .char-count").TextContentAsync())?.Trim());
        Assert.Equal(5003, await box.EvaluateAsync<int>("t => t.value.length"));

        await box.FillAsync($"{word} and {url}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
        await page.Locator(".status-message").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "phone-long-word.png") });
        await AssertNoSidewaysScrollAsync(page, "article");

        var editor = await context.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseUrl, ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true,
        });
        var moderator = await editor.NewPageAsync();
        await BrowserFixture.SignInAsync(moderator, "editor@docket.test", "demo editor passphrase");
        foreach (var path in new[] { "/moderation?queue=unmoderated", "/moderation/log" })
        {
            await moderator.GotoAsync(path);
            await AssertNoSidewaysScrollAsync(moderator, path);
        }

        await moderator.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "phone-moderation-log.png") });
        await context.CloseAsync();
        await editor.CloseAsync();
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page, string what)
    {
        var sizes = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var wide = sizes[0] <= sizes[1] ? "" : await page.EvaluateAsync<string>(
            "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(0, 6).map(e => e.tagName + '.' + e.className + '#' + e.id + ':' + Math.round(e.getBoundingClientRect().right)).join(', ')");
        Assert.True(sizes[0] <= sizes[1], $"{what} scrolls sideways: {sizes[0]}px of content in {sizes[1]}px ({wide}).");
    }
}
