using System.Text.Json;
using Blog.Web.Services.Moderation;
using Blog.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Blog.Web.Tests.Browser;

/// <summary>
/// A reader complains about a comment without an account; its author consents on the site; the comment is gone from
/// the article, its discussion and search; and the transparency report counts the complaint and the removal.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ComplaintFlowTests(BrowserFixture browser)
{
    private const string Article = "/articles/newsrooms-answer-for-readers-facebook-comments-high-court-rules";

    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task AReaderComplains_TheAuthorConsents_TheCommentIsGone_AndTheReportCountsIt()
    {
        Assert.SkipWhen(browser.Unavailable is not null, browser.Unavailable ?? "");
        var word = "Zanzibarquist" + Guid.NewGuid().ToString("N")[..6];
        var text = $"The liquidator {word} has been quietly paying himself from the estate.";
        var authorUser = await TestUsers.CreateAsync(browser.Site, TestRole.Subscriber, displayName: "Careless Carl");
        var editor = await TestUsers.CreateAsync(browser.Site, TestRole.Editor);
        var author = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(author, authorUser.Email, authorUser.Password, Article);
        await author.Locator("#comment-body").FillAsync(text);
        await author.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
        await author.Locator(".status-message").WaitForAsync();
        var commentId = long.Parse((await author.Locator("article.comment-body", new() { HasText = word }).GetAttributeAsync("id"))!.Replace("comment-", "", StringComparison.Ordinal),
            System.Globalization.CultureInfo.InvariantCulture);
        // A new member's first comment is held: an editor lets it through.
        await browser.Site.WithScopeAsync(sp => sp.GetRequiredService<ModerationService>().ApproveAsync(commentId, editor.Id, CancellationToken.None));
        var before = await FiguresAsync();

        var reader = await browser.NewPageAsync();
        await reader.GotoAsync(Article);
        await reader.Locator($"#comment-{commentId}").GetByRole(AriaRole.Link, new() { Name = "Complain about this comment" }).ClickAsync();
        await reader.GetByRole(AriaRole.Button, new() { Name = "Send the complaint" }).ClickAsync();
        Assert.Contains("Give your name.", await reader.Locator(".form-errors").TextContentAsync());
        await reader.GetByLabel("Your name", new() { Exact = true }).FillAsync("Pat Liquidator");
        await reader.GetByLabel("Your email address", new() { Exact = true }).FillAsync("pat.liquidator@example.org");
        await reader.GetByLabel("Your phone number").FillAsync("+64 9 555 0123");
        await reader.GetByLabel("Your postal address").FillAsync("Level 3, 1 Queen Street, Auckland");
        await reader.GetByLabel("Which part of the comment is unlawful or harmful").FillAsync("That I pay myself from the estate.");
        await reader.GetByLabel("Why it is unlawful or harmful").FillAsync("My fees are approved by the court; the claim is false.");
        await reader.GetByLabel("I make this complaint in good faith", new() { Exact = false }).CheckAsync();
        await SmokeTests.AssertNoAxeViolationsAsync(reader, "complaint-form");
        await reader.ScreenshotAsync(new() { Path = Shot("complaint-form.png"), FullPage = true });
        await reader.GetByRole(AriaRole.Button, new() { Name = "Send the complaint" }).ClickAsync();
        var reference = (await reader.Locator(".reference").TextContentAsync())!.Trim();
        Assert.StartsWith("LC-", reference, StringComparison.Ordinal);

        await author.GotoAsync("/account/complaints");
        await author.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        Assert.DoesNotContain("Pat Liquidator", await author.ContentAsync());
        await SmokeTests.AssertNoAxeViolationsAsync(author, "complaint-author");
        await author.ScreenshotAsync(new() { Path = Shot("complaint-author.png"), FullPage = true });
        await author.GetByRole(AriaRole.Button, new() { Name = "Remove my comment" }).ClickAsync();
        Assert.Contains("The comment is removed", await author.Locator(".status-message").TextContentAsync());

        await reader.GotoAsync(Article);
        Assert.Equal(0, await reader.GetByText(word).CountAsync());
        await reader.GotoAsync($"/search?q={word}");
        // Search never shows it: nothing matches the comment's one unusual word.
        Assert.Equal(1, await reader.Locator(".search-results .empty").CountAsync());
        Assert.Equal(0, await reader.Locator(".search-results li").CountAsync());
        var feed = await Plain().GetStringAsync("/feed");
        Assert.DoesNotContain(word, feed);

        var after = await FiguresAsync();
        Assert.Equal(before.Notices + 1, after.Notices);
        Assert.Equal(before.Restrictions + 1, after.Restrictions);
        await reader.GotoAsync("/transparency");
        await SmokeTests.AssertNoAxeViolationsAsync(reader, "transparency");
        Assert.Contains($"{after.Notices} in all", await reader.Locator("main").TextContentAsync());

        var legal = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(legal, "legal@docket.test", "demo legal passphrase", "/moderation/legal");
        await SmokeTests.AssertNoAxeViolationsAsync(legal, "legal-queue");
        await legal.ScreenshotAsync(new() { Path = Shot("legal-queue.png"), FullPage = true });
    }

    /// <summary>A client of the running site with no cookies (the fixture's site listens on a real port).</summary>
    private HttpClient Plain() => new() { BaseAddress = new Uri(browser.BaseUrl) };

    private async Task<(int Notices, int Restrictions)> FiguresAsync()
    {
        using var json = JsonDocument.Parse(await Plain().GetStringAsync("/transparency.json?from=2020-01-01&to=2029-12-31"));
        return (json.RootElement.GetProperty("noticeTotal").GetInt32(), json.RootElement.GetProperty("restrictions").GetInt32());
    }
}
