using Blog.Web.Tests.Support;
using Microsoft.Playwright;

namespace Blog.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class AdminFlowTests(BrowserFixture browser)
{
    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task AnAdminMakesAMemberAnEditor_WhoThenPublishesWithAFeaturePicture_WithoutSigningInAgain()
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
        // A feature picture, chosen as a file: a real JPEG.
        var picture = Path.Combine(Path.GetTempPath(), $"courthouse-{tag}.jpg");
        await File.WriteAllBytesAsync(picture, Pages.Editor.FeatureImageTests.Picture(1800, 1200));
        await newcomer.GetByLabel("Upload a picture").SetInputFilesAsync(picture);
        await newcomer.GetByLabel("What the picture shows (alternative text)").FillAsync("The High Court building in Wellington");
        await SmokeTests.AssertNoAxeViolationsAsync(newcomer, "article editor with a picture field");
        await newcomer.GetByRole(AriaRole.Button, new() { Name = "Publish now" }).ClickAsync();
        await newcomer.Locator(".status-message").WaitForAsync();
        Assert.Contains("Published", await newcomer.Locator(".status-message").TextContentAsync());
        Assert.Equal("The High Court building in Wellington", await newcomer.Locator("img.feature-image-preview").GetAttributeAsync("alt"));

        var reader = await browser.NewPageAsync();
        await reader.GotoAsync("/");
        var card = reader.Locator("li.article-card", new() { HasText = title });
        await card.Locator("img.article-card-image").ScrollIntoViewIfNeededAsync();
        Assert.True(await card.Locator("img.article-card-image").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));
        await reader.ScreenshotAsync(new() { Path = Shot("home-with-picture-desktop.png") });
        await reader.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        Assert.Contains(member.DisplayName, await reader.Locator("article").First.TextContentAsync());
        var feature = reader.Locator("figure.feature-image img");
        await feature.WaitForAsync();
        Assert.True(await feature.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));
        // The browser took the width the layout needs, from the srcset.
        Assert.Contains(".webp", await feature.EvaluateAsync<string>("img => img.currentSrc"));
        await SmokeTests.AssertNoAxeViolationsAsync(reader, "article with a feature picture");
        await reader.ScreenshotAsync(new() { Path = Shot("article-with-picture-desktop.png") });

        await reader.SetViewportSizeAsync(390, 844);
        await reader.ReloadAsync();
        var phoneWidth = await reader.Locator("figure.feature-image img").EvaluateAsync<double>("img => img.getBoundingClientRect().width");
        Assert.InRange(phoneWidth, 300, 390);
        await reader.ScreenshotAsync(new() { Path = Shot("article-with-picture-phone.png") });
        await reader.GotoAsync("/");
        await reader.ScreenshotAsync(new() { Path = Shot("home-with-picture-phone.png"), FullPage = true });
        File.Delete(picture);
    }

    [Fact]
    public async Task AnAdminChangesTheSettings_AndTheNextPageShowsThem()
    {
        Assert.SkipWhen(browser.Unavailable is not null, browser.Unavailable ?? "");
        var admin = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(admin, "admin@docket.test", "demo admin passphrase");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Admin", Exact = true }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Site settings" }).ClickAsync();
        await SmokeTests.AssertNoAxeViolationsAsync(admin, "site settings");
        var tagline = await admin.GetByLabel("Tagline").InputValueAsync();
        try
        {
            await admin.GetByLabel("Tagline").FillAsync("Every ruling, read closely");
            await admin.GetByLabel("Reason (optional, on the record)").FillAsync("Trying a new line");
            await admin.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
            await admin.Locator(".status-message").WaitForAsync();
            Assert.Contains("Tagline changed", await admin.Locator(".status-message").TextContentAsync());
            Assert.Contains("Trying a new line", await admin.Locator("#settings-record").TextContentAsync());
            await SmokeTests.AssertNoAxeViolationsAsync(admin, "site settings, saved");
            await admin.SetViewportSizeAsync(390, 844);
            await admin.ScreenshotAsync(new() { Path = Shot("admin-settings-phone.png"), FullPage = true });
            await SmokeTests.AssertNoAxeViolationsAsync(admin, "site settings on a phone");

            var reader = await browser.NewPageAsync();
            await reader.GotoAsync("/");
            Assert.Contains("Every ruling, read closely", await reader.Locator(".footer-brand").TextContentAsync());
        }
        finally
        {
            await admin.GetByLabel("Tagline").FillAsync(tagline);
            await admin.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
            await admin.Locator(".status-message").WaitForAsync();
        }
    }
}
