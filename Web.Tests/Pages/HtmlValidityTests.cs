using Blog.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Blog.Web.Tests.Pages;

/// <summary>The main pages are valid HTML for the W3C Nu Html Checker, as readers and as a signed-in subscriber.</summary>
public sealed class HtmlValidityTests(DemoSiteFactory factory) : IClassFixture<DemoSiteFactory>
{
    [Fact]
    public async Task TheMainPages_AreValidHtml()
    {
        var (jar, unavailable) = await HtmlChecker.EnsureAsync();
        if (jar is null && string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"{unavailable} The HTML checks may not be skipped in CI.");
        }

        Assert.SkipWhen(jar is null, unavailable ?? "");
        var article = await factory.WithDbAsync(db => db.Articles.Where(a => a.Comments.Any()).Select(a => a.Slug).FirstAsync());
        var caseSlug = await factory.WithDbAsync(db => db.Cases.Select(c => c.Slug).FirstAsync());
        var pages = new[] { "/", $"/articles/{article}", $"/cases/{caseSlug}", "/cases", "/search?q=court", "/subscribe", "/account/register" };
        var folder = Directory.CreateTempSubdirectory("blog-vnu-").FullName;
        var anonymous = factory.CreateBrowserClient();
        var (subscriber, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);
        var files = new List<string>();
        foreach (var (client, who) in new[] { (anonymous, "anonymous"), (subscriber, "subscriber") })
        {
            foreach (var page in pages)
            {
                var file = Path.Combine(folder, $"{who}-{files.Count}.html");
                await File.WriteAllTextAsync(file, await client.GetStringAsync(page));
                files.Add(file);
            }
        }

        // The admin's pages: gift codes (the list with a refusal shown beside what was typed), the filtered accounts
        // list, an editor's account with its record, and the confirmation an admin removing their own role is asked.
        var (admin, adminUser) = await TestUsers.SignedInClientAsync(factory, TestRole.Admin);
        var refused = await admin.PostFormAsync("/admin/gift-codes", new Dictionary<string, string> { ["Input.Code"] = "DEMO-GIFT-2026", ["Input.Label"] = "again" });
        var giftCode = await factory.WithDbAsync(db => db.GiftCodes.Select(g => g.Id).FirstAsync());
        var editor = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == "editor@docket.test").Select(u => u.Id).SingleAsync());
        var confirming = await admin.PostFormAsync($"/admin/users/{adminUser.Id}", new Dictionary<string, string> { ["reason"] = "Stepping back." }, formSelector: "#role-admin form");
        foreach (var html in new[]
        {
            await refused.Content.ReadAsStringAsync(), await admin.GetStringAsync($"/admin/gift-codes/{giftCode}"),
            await admin.GetStringAsync("/admin?role=Editor&subscription=NotSubscribers"), await admin.GetStringAsync($"/admin/users/{editor}"),
            await confirming.Content.ReadAsStringAsync(), await admin.GetStringAsync("/admin/ads"), await admin.GetStringAsync("/admin/settings"),
            await admin.GetStringAsync($"/admin/ads/{await factory.WithDbAsync(db => db.Ads.Select(a => a.Id).FirstAsync())}"),
        })
        {
            var file = Path.Combine(folder, $"admin-{files.Count}.html");
            await File.WriteAllTextAsync(file, html);
            files.Add(file);
        }

        var errors = await HtmlChecker.ErrorsAsync(jar!, files);

        Assert.True(errors.Count == 0, $"The Nu Html Checker found errors:\n{string.Join("\n", errors)}\n(pages: {string.Join(", ", pages)}; files in {folder})");
    }

    [Fact]
    public async Task TheLegalPages_AreValidHtml()
    {
        var (jar, unavailable) = await HtmlChecker.EnsureAsync();
        if (jar is null && string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"{unavailable} The HTML checks may not be skipped in CI.");
        }

        Assert.SkipWhen(jar is null, unavailable ?? "");
        var open = await factory.WithDbAsync(db => db.Complaints.Where(c => c.ClosedAt == null).OrderBy(c => c.Deadline).Select(c => new { c.Id, c.Reference, c.CommentId }).FirstAsync());
        var statement = await factory.WithDbAsync(db => db.StatementsOfReasons.Where(s => s.UserId == db.Users.Single(u => u.Email == "sam@docket.test").Id).Select(s => s.Id).FirstAsync());
        var visible = await factory.WithDbAsync(db => db.Comments.Where(c => c.Status == Blog.Web.Domain.CommentStatus.Published).Select(c => c.Id).FirstAsync());
        var anonymous = factory.CreateBrowserClient();
        var sam = factory.CreateBrowserClient();
        await sam.SignInAsync("sam@docket.test", "demo subscriber passphrase");
        var legal = factory.CreateBrowserClient();
        await legal.SignInAsync("legal@docket.test", "demo legal passphrase");
        var refused = await anonymous.PostFormAsync($"/comments/{visible}/complaint", new Dictionary<string, string> { ["Input.Name"] = "" });
        var html = new List<string>
        {
            await anonymous.GetStringAsync($"/comments/{visible}/complaint"), await refused.Content.ReadAsStringAsync(),
            await anonymous.GetStringAsync("/complaints/received/LC-ABCDEFGHJK"), await anonymous.GetStringAsync("/complaints"),
            await anonymous.GetStringAsync("/transparency"), await anonymous.GetStringAsync("/transparency?from=2020-01-01&to=2020-12-31"),
            await sam.GetStringAsync("/account/complaints"), await sam.GetStringAsync($"/account/complaints/{open.Reference}"),
            await sam.GetStringAsync("/account/decisions"), await sam.GetStringAsync($"/account/decisions/{statement}"),
            await legal.GetStringAsync("/moderation/legal"), await legal.GetStringAsync($"/moderation/complaints/{open.Id}?identity=show"),
            await legal.GetStringAsync("/moderation/appeals"),
        };
        var folder = Directory.CreateTempSubdirectory("blog-vnu-legal-").FullName;
        var files = new List<string>();
        foreach (var page in html)
        {
            var file = Path.Combine(folder, $"legal-{files.Count}.html");
            await File.WriteAllTextAsync(file, page);
            files.Add(file);
        }

        var errors = await HtmlChecker.ErrorsAsync(jar!, files);
        Assert.True(errors.Count == 0, $"The Nu Html Checker found errors:\n{string.Join("\n", errors)}\n(files in {folder})");
    }
}
