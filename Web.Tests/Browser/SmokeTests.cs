using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Blog.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SmokeTests(BrowserFixture browser)
{
    [Fact]
    public async Task NewVisitor_OpensTheHomePageAndAnArticle_WithNoAccessibilityViolations()
    {
        var page = await browser.NewPageAsync();

        var home = await page.GotoAsync("/");
        Assert.Equal(200, home!.Status);
        Assert.False(home.Headers.ContainsKey("server"), "Kestrel must not announce itself");
        await AssertNoAxeViolationsAsync(page, "home");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "home.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Newsrooms answer for readers' Facebook comments, High Court rules" }).ClickAsync();
        await page.WaitForURLAsync("**/articles/newsrooms-answer-for-readers-facebook-comments-high-court-rules");
        Assert.Equal("Newsrooms answer for readers' Facebook comments, High Court rules", await page.Locator("h1").TextContentAsync());
        Assert.True(await page.Locator("li.comment").CountAsync() >= 30);
        await AssertNoAxeViolationsAsync(page, "article");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "article.png"), FullPage = true });
    }

    [Fact]
    public async Task DemoSubscriber_SignsInAndOut_InARealBrowser()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await AssertNoAxeViolationsAsync(page, "sign-in");

        await page.GetByLabel("Email").FillAsync("sam@docket.test");
        await page.GetByLabel("Password").FillAsync("demo subscriber passphrase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.WaitForURLAsync(browser.BaseUrl + "/", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        Assert.Equal("Sam Ferris", (await page.Locator(".account-name").TextContentAsync())?.Trim());
        var cookies = await page.Context.CookiesAsync();
        var session = Assert.Single(cookies, c => c.Name == "docket");
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, session.SameSite);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "signed-in.png") });

        // Signing out lands on the page we are already on, so wait for the navigation itself.
        var signedOut = page.WaitForResponseAsync(r => r.Url.EndsWith("/account/logout", StringComparison.Ordinal) && r.Request.Method == "POST");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await signedOut;
        Assert.Equal("You have signed out.", (await page.Locator(".status-message").TextContentAsync())?.Trim());
    }

    [Fact]
    public async Task Registration_Form_ShowsItsErrorsAccessibly()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/register");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        Assert.Contains("Enter a display name.", await page.Locator(".field-error").AllTextContentsAsync());
        await AssertNoAxeViolationsAsync(page, "register-errors");
    }

    internal static async Task AssertNoAxeViolationsAsync(IPage page, string name)
    {
        var result = await page.RunAxe();
        var violations = result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})").ToList();
        Assert.True(violations.Count == 0, $"axe on {name}:\n{string.Join("\n", violations)}");
    }
}
