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

    [Fact]
    public async Task Admin_MakesALabelledCode_IsToldWhenItExists_AndStopsIt()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/login?returnUrl=" + Uri.EscapeDataString("/admin/gift-codes"));
        await page.GetByLabel("Email").FillAsync("admin@docket.test");
        await page.GetByLabel("Password").FillAsync("demo admin passphrase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/gift-codes");

        foreach (var label in new[] { "Community law clinic 2027", "A second clinic" })
        {
            await page.GetByLabel("Code (optional)").FillAsync("clinic-browser-2027");
            await page.GetByLabel("Label (optional)").FillAsync(label);
            await page.GetByLabel("Days of subscription").FillAsync("60");
            await page.GetByRole(AriaRole.Button, new() { Name = "Make the code" }).ClickAsync();
            await page.WaitForLoadStateAsync();
        }

        Assert.Contains("CLINIC-BROWSER-2027 exists already", await page.Locator("[role=alert]").TextContentAsync());
        Assert.Equal("A second clinic", await page.GetByLabel("Label (optional)").InputValueAsync());
        await SmokeTests.AssertNoAxeViolationsAsync(page, "admin gift codes, refused");

        await page.GetByRole(AriaRole.Link, new() { Name = "CLINIC-BROWSER-2027" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Stop the code" }).ClickAsync();
        await page.Locator(".status-message").WaitForAsync();
        Assert.StartsWith("Stopped", (await page.Locator("#gift-code-state").TextContentAsync())?.Trim());
        await SmokeTests.AssertNoAxeViolationsAsync(page, "admin gift code");
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "admin-gift-code-phone.png"), FullPage = true });
    }
}
