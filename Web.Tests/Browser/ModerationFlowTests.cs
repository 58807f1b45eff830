using Blog.Web.Tests.Support;
using Microsoft.Playwright;

namespace Blog.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ModerationFlowTests(BrowserFixture browser)
{
    private const string Article = "/articles/auckland-court-orders-mega-to-hand-over-account-details-to-kazakhstan";

    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task NewSubscribersFirstComment_IsHeld_AnEditorApprovesWithTheKeyboard_AndReadersSeeIt()
    {
        Assert.SkipWhen(browser.Unavailable is not null, browser.Unavailable ?? "");
        var newcomer = await TestUsers.CreateAsync(browser.Site, TestRole.Subscriber, displayName: "Newcomer Nina");
        var text = $"My very first comment {Guid.NewGuid().ToString("N")[..6]}";

        var author = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(author, newcomer.Email, newcomer.Password, Article);
        await author.Locator("#comment-body").FillAsync(text);
        await author.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
        await author.Locator(".status-message").WaitForAsync();
        Assert.Contains("first comments are read by an editor", await author.Locator(".status-message").TextContentAsync());
        Assert.Contains("Awaiting review", await author.Locator("li.comment", new() { HasText = text }).TextContentAsync());

        var reader = await browser.NewPageAsync();
        await reader.GotoAsync(Article);
        Assert.Equal(0, await reader.GetByText(text).CountAsync());

        var editor = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(editor, "editor@docket.test", "demo editor passphrase", "/moderation?queue=pending&order=newest");
        var item = editor.Locator(".queue-item", new() { HasText = text });
        await item.WaitForAsync();
        await SmokeTests.AssertNoAxeViolationsAsync(editor, "moderation-queue");
        await editor.ScreenshotAsync(new() { Path = Shot("moderation-queue.png"), FullPage = true });

        // The newest item is selected first: j/k move, a approves.
        await editor.Locator("h1").ClickAsync();
        await editor.Keyboard.PressAsync("j");
        await editor.Keyboard.PressAsync("k");
        Assert.Contains("current", await item.GetAttributeAsync("class"));
        await editor.Keyboard.PressAsync("a");
        await editor.Locator(".status-message").WaitForAsync();
        Assert.Equal("Approved.", (await editor.Locator(".status-message").TextContentAsync())?.Trim());

        await reader.ReloadAsync();
        Assert.Equal(1, await reader.GetByText(text).CountAsync());
        await reader.ScreenshotAsync(new() { Path = Shot("approved-comment.png") });
    }

    [Fact]
    public async Task SelectAll_TicksTheWholePage_AndCountsTheSelection()
    {
        Assert.SkipWhen(browser.Unavailable is not null, browser.Unavailable ?? "");
        var editor = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(editor, "editor@docket.test", "demo editor passphrase", "/moderation?queue=pending");
        var boxes = editor.Locator(".queue input[name=ids]");
        var count = await boxes.CountAsync();
        Assert.True(count > 0, "The demo's pending queue has comments.");

        await editor.Locator("a[data-select-all]").ClickAsync();
        Assert.Equal($"{count} selected", await editor.Locator("[data-selected-count]").TextContentAsync());
        Assert.Equal("Clear the selection", await editor.Locator("a[data-select-all]").TextContentAsync());
        Assert.EndsWith("/moderation?queue=pending", editor.Url);
        await boxes.First.UncheckAsync();
        Assert.Equal($"{count - 1} selected", await editor.Locator("[data-selected-count]").TextContentAsync());
        await SmokeTests.AssertNoAxeViolationsAsync(editor, "moderation queue, selected");
    }
}
