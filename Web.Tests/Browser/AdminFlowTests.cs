using Blog.Web.Tests.Support;
using Microsoft.Playwright;

namespace Blog.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class AdminFlowTests(BrowserFixture browser)
{
    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task AnAdminMakesAMemberAnEditor_WhoThenPublishes_WithoutSigningInAgain()
    {
        Assert.SkipWhen(browser.Unavailable is not null, browser.Unavailable ?? "");
        var tag = Guid.NewGuid().ToString("N")[..6];
        var member = await TestUsers.CreateAsync(browser.Site, TestRole.Member, displayName: $"Kiri Rapana {tag}");
        var newcomer = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(newcomer, member.Email, member.Password);
        Assert.Equal(0, await newcomer.GetByRole(AriaRole.Link, new() { Name = "Newsroom", Exact = true }).CountAsync());

        var admin = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(admin, "admin@docket.test", "demo admin passphrase");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Admin", Exact = true }).ClickAsync();
        await admin.GetByLabel("Name or email").FillAsync($"kiri rapana {tag}");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = member.DisplayName }).ClickAsync();
        await SmokeTests.AssertNoAxeViolationsAsync(admin, "admin account");

        // With a reason, the role is given and goes on the account record.
        await admin.GetByLabel("Reason for giving the Editor role").FillAsync("Joins the courts desk.");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Make Editor" }).ClickAsync();
        await admin.Locator(".status-message").WaitForAsync();
        Assert.Contains("is now an editor", await admin.Locator(".status-message").TextContentAsync());
        Assert.Contains("Joins the courts desk.", await admin.Locator("#account-record").TextContentAsync());
        await SmokeTests.AssertNoAxeViolationsAsync(admin, "admin account, role given");
        await admin.SetViewportSizeAsync(390, 844);
        await admin.ScreenshotAsync(new() { Path = Shot("admin-account-phone.png"), FullPage = true });

        var title = $"High Court hears strike-out application {tag}";
        await newcomer.ReloadAsync();
        await newcomer.GetByRole(AriaRole.Link, new() { Name = "Newsroom", Exact = true }).ClickAsync();
        await newcomer.GetByRole(AriaRole.Link, new() { Name = "Write an article" }).ClickAsync();
        await newcomer.GetByLabel("Title").FillAsync(title);
        await newcomer.GetByLabel("Standfirst").FillAsync("The defendants say the claim discloses no reasonable cause of action.");
        await newcomer.GetByLabel("Body (Markdown)").FillAsync("The application was argued over a day, and the judge reserved her decision.");
        await newcomer.GetByRole(AriaRole.Button, new() { Name = "Publish now" }).ClickAsync();
        await newcomer.Locator(".status-message").WaitForAsync();
        Assert.Contains("Published", await newcomer.Locator(".status-message").TextContentAsync());

        var reader = await browser.NewPageAsync();
        await reader.GotoAsync("/");
        await reader.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        Assert.Contains(member.DisplayName, await reader.Locator("article").First.TextContentAsync());
    }
}
