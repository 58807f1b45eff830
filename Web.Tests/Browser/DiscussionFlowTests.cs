using Microsoft.Playwright;

namespace Blog.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class DiscussionFlowTests(BrowserFixture browser)
{
    private const string Article = "/articles/newsrooms-answer-for-readers-facebook-comments-high-court-rules";

    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task Subscriber_CommentsRepliesDeepInlineEditsAndCollapsesAThread()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/login?returnUrl=" + Uri.EscapeDataString(Article));
        await page.GetByLabel("Email").FillAsync("priya@docket.test");
        await page.GetByLabel("Password").FillAsync("demo subscriber passphrase 2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**" + Article);
        await SmokeTests.AssertNoAxeViolationsAsync(page, "long-discussion-signed-in");

        // A new top-level comment from the box above the discussion.
        var stamp = Guid.NewGuid().ToString("N")[..6];
        await page.Locator("#comment-body").FillAsync($"A fresh point about liability {stamp}.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
        await page.Locator(".status-message").WaitForAsync();
        Assert.Equal("Your comment is published.", (await page.Locator(".status-message").TextContentAsync())?.Trim());
        Assert.Equal(1, await page.Locator(".comment-text", new() { HasText = $"A fresh point about liability {stamp}." }).CountAsync());

        // Reply, inline, to a comment three levels down (a reply to a reply).
        var third = page.Locator("li.comment.level-3").First;
        var thirdId = await third.Locator("> article").GetAttributeAsync("id");
        await third.Locator("> article .reply-link").ClickAsync();
        var inline = page.Locator($"#{thirdId} > form.comment-form");
        await inline.WaitForAsync();
        Assert.True(await inline.Locator("textarea").EvaluateAsync<bool>("t => t === document.activeElement"));
        await SmokeTests.AssertNoAxeViolationsAsync(page, "inline-reply-open");
        await inline.Locator("textarea").FillAsync($"Replying deep in the thread {stamp}.");
        await inline.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();
        var reply = page.Locator("li.comment.level-4", new() { HasText = $"Replying deep in the thread {stamp}." });
        await reply.WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Shot("discussion-after-reply.png"), FullPage = false });

        // Edit it within the window.
        await reply.Locator("> article").GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await page.GetByLabel("Your comment").FillAsync($"Replying deep in the thread, now clearer {stamp}.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        var edited = page.Locator("li.comment", new() { HasText = $"now clearer {stamp}" }).Last;
        await edited.WaitForAsync();
        Assert.Equal(1, await edited.Locator("> article .comment-edited").CountAsync());

        // Collapse the first thread with replies: they are hidden, the thread keeps its summary.
        var firstThread = page.Locator("ol.top-level > li:has(> details)").First;
        var firstReply = firstThread.Locator("> details > ol > li").First;
        Assert.True(await firstReply.IsVisibleAsync());
        await firstThread.Locator("> details > summary").ClickAsync();
        Assert.False(await firstReply.IsVisibleAsync());
        Assert.Null(await firstThread.Locator("> details").GetAttributeAsync("open"));
        await page.ScreenshotAsync(new() { Path = Shot("discussion-collapsed.png") });
    }

    [Fact]
    public async Task Subscriber_RecommendsAndTakesItBack_WithoutJavaScript()
    {
        var page = await browser.NewPageAsync(javaScript: false);
        await page.GotoAsync("/account/login?returnUrl=" + Uri.EscapeDataString(Article));
        await page.GetByLabel("Email").FillAsync("sam@docket.test");
        await page.GetByLabel("Password").FillAsync("demo subscriber passphrase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**" + Article);

        // The button sits outside any form and submits the page's one recommend form (form= and formaction=).
        var id = await page.Locator("button.recommend[aria-pressed='false']").First.EvaluateAsync<string>("b => b.closest('article').id");
        var button = page.Locator($"#{id} > footer button.recommend");
        var before = await button.TextContentAsync();
        await button.ClickAsync();
        await page.WaitForURLAsync($"**#{id}");
        Assert.Equal("true", await button.GetAttributeAsync("aria-pressed"));
        Assert.StartsWith("Recommended", (await button.TextContentAsync())!.Trim());
        await page.ScreenshotAsync(new() { Path = Shot("discussion-recommended-no-js.png") });

        await button.ClickAsync();
        await page.Locator($"#{id} > footer button.recommend[aria-pressed='false']").WaitForAsync();
        Assert.Equal(before, await button.TextContentAsync());
    }

    [Fact]
    public async Task AnonymousReader_SeesTheLongDiscussionAndTheReasonInsteadOfTheBox()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(Article);

        Assert.Contains("Sign in to join the discussion.", await page.Locator(".comment-closed").TextContentAsync());
        Assert.Equal(0, await page.Locator("form.comment-form").CountAsync());
        await SmokeTests.AssertNoAxeViolationsAsync(page, "long-discussion-anonymous");
    }
}
