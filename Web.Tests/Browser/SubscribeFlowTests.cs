using Microsoft.Playwright;

namespace Blog.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SubscribeFlowTests(BrowserFixture browser)
{
    private const string Article = "/articles/newsrooms-answer-for-readers-facebook-comments-high-court-rules";

    [Fact]
    public async Task Member_RedeemsAGiftCode_TheAdsVanish_AndTheCommentBoxAppears()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/login?returnUrl=" + Uri.EscapeDataString(Article));
        await page.GetByLabel("Email").FillAsync("max@docket.test");
        await page.GetByLabel("Password").FillAsync("demo member passphrase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**" + Article);
        Assert.True(await page.Locator("[data-ad-slot]").CountAsync() >= 3);
        Assert.Contains("Subscribe to comment.", await page.Locator(".comment-closed").TextContentAsync());

        await page.GotoAsync("/subscribe");
        await SmokeTests.AssertNoAxeViolationsAsync(page, "subscribe");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "subscribe.png"), FullPage = true });
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Gift code" }).FillAsync("demo-gift-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Redeem" }).ClickAsync();
        await page.Locator(".status-message").WaitForAsync();
        Assert.StartsWith("Welcome aboard", (await page.Locator(".status-message").TextContentAsync())?.Trim());

        await page.GotoAsync(Article);
        Assert.Equal(0, await page.Locator("[data-ad-slot]").CountAsync());
        Assert.Equal(1, await page.Locator("#comment-body").CountAsync());
        Assert.DoesNotContain("data-ad-slot", await page.ContentAsync());
    }
}
