using System.Net;
using Blog.Web.Domain;
using Blog.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Blog.Web.Tests.Pages.Admin;

public sealed class SettingsSiteFactory() : BlogAppFactory(seedDemo: false);

/// <summary>/admin/settings: kept in the database, in force from the next request, every change on the record.</summary>
public sealed class SettingsAdminTests(SettingsSiteFactory factory) : IClassFixture<SettingsSiteFactory>
{
    private const string Page = "/admin/settings";

    private static Task<HttpResponseMessage> SaveAsync(HttpClient admin, Dictionary<string, string> fields) =>
        admin.PostFormAsync(Page, fields, formSelector: "#settings-form");

    [Fact]
    public async Task ANewName_IsOnTheNextPage_WithoutARestart_AndOnTheRecord()
    {
        var (admin, adminUser) = await TestUsers.SignedInClientAsync(factory, TestRole.Admin);
        var reader = factory.CreateBrowserClient();
        var before = (await reader.GetDocumentAsync("/")).QuerySelector(".brand")!.TextContent;
        var name = "Court Notes " + Guid.NewGuid().ToString("N")[..6];

        var saved = await SaveAsync(admin, new() { ["name"] = name, ["tagline"] = "Every ruling, read closely", ["reason"] = "Rebrand for 2027" });

        Assert.Equal(Page, saved.Location());
        var home = await reader.GetDocumentAsync("/");
        Assert.Equal(name, home.QuerySelector(".brand")!.TextContent);
        Assert.Contains("Every ruling, read closely", home.QuerySelector(".footer-brand")!.TextContent);
        Assert.Equal(name, (await factory.WithDbAsync(db => db.SiteSettings.SingleAsync())).Name);
        var changes = await factory.WithDbAsync(db => db.SettingChanges.Where(c => c.Setting == "Site name").ToListAsync());
        var change = Assert.Single(changes, c => c.NewValue == name);
        Assert.Equal((before, adminUser.Id, "Rebrand for 2027"), (change.OldValue, change.ActorId, change.Reason));
        Assert.Contains(name, (await admin.GetDocumentAsync(Page)).QuerySelector("#settings-record")!.TextContent);
    }

    [Fact]
    public async Task WhoMayComment_OpensAndClosesTheDiscussionToMembers_OnTheNextRequest()
    {
        var (admin, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Admin);
        var slug = await Discussions.PublishArticleAsync(factory);
        var (member, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Member);
        Assert.StartsWith("Subscribe to comment.", (await member.GetDocumentAsync($"/articles/{slug}")).QuerySelector(".comment-closed")!.TextContent.Trim());

        await SaveAsync(admin, new() { ["whoMayComment"] = nameof(WhoMayComment.Members) });
        var id = Discussions.CommentIdFrom(await member.CommentAsync(slug, "Members may speak now"));
        Assert.Equal("Members may speak now", (await Discussions.LoadCommentAsync(factory, id)).Body);

        await SaveAsync(admin, new() { ["whoMayComment"] = nameof(WhoMayComment.Subscribers) });
        Assert.Null((await member.GetDocumentAsync($"/articles/{slug}")).QuerySelector("#comment-form, form.comment-form"));
        Assert.StartsWith("Subscribe to comment.", (await member.GetDocumentAsync($"/articles/{slug}")).QuerySelector(".comment-closed")!.TextContent.Trim());
    }

    [Fact]
    public async Task SitePreModeration_HoldsTheNextComment()
    {
        var (admin, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Admin);
        var slug = await Discussions.PublishArticleAsync(factory);
        var (subscriber, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);

        await SaveAsync(admin, new() { ["sitePreModerated"] = "true" });
        var held = Discussions.CommentIdFrom(await subscriber.CommentAsync(slug, "Held while the site is pre-moderated"));
        await SaveAsync(admin, new() { ["sitePreModerated"] = "false" });

        Assert.Equal(CommentStatus.Pending, (await Discussions.LoadCommentAsync(factory, held)).Status);
    }

    [Fact]
    public async Task RefusedSettings_SayWhy_KeepWhatWasTyped_AndChangeNothing()
    {
        var (admin, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Admin);
        var before = await factory.WithDbAsync(db => db.SettingChanges.CountAsync());

        var refused = await SaveAsync(admin, new() { ["name"] = "Kept as typed", ["contactEmail"] = "not an address" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Html.ParseAsync(refused);
        Assert.Equal("The contact address must be an email address.", page.QuerySelector("#settings-error")!.TextContent);
        Assert.Equal("Kept as typed", page.QuerySelector("#name")!.GetAttribute("value"));
        Assert.Equal("not an address", page.QuerySelector("#contactEmail")!.GetAttribute("value"));

        var zone = await Html.ParseAsync(await SaveAsync(admin, new() { ["timeZone"] = "Mars/Olympus_Mons" }));
        Assert.Contains("is not a time zone this server knows", zone.QuerySelector("#settings-error")!.TextContent);
        Assert.Equal(before, await factory.WithDbAsync(db => db.SettingChanges.CountAsync()));
    }

    [Fact]
    public async Task TheTimeZone_IsTheOneTimesAreTypedAndShownIn()
    {
        var (admin, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Admin);
        var (editor, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Editor);
        try
        {
            await SaveAsync(admin, new() { ["timeZone"] = "Europe/London" });

            // 09:00 typed in London in January is 09:00 UTC (typed in Auckland it would have been 20:00 UTC the day before).
            var fields = Newsroom.Article("Zoned schedule " + Guid.NewGuid().ToString("N")[..6]);
            fields["Input.ScheduleAt"] = "2027-01-15T09:00";
            var edit = await editor.CreateArticleAsync(fields, "schedule");
            var id = int.Parse(edit.Split('/')[3], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(new DateTimeOffset(2027, 1, 15, 9, 0, 0, TimeSpan.Zero), await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.PublishedAt).SingleAsync()));
            var form = await editor.GetDocumentAsync(edit);
            Assert.Contains("15 January 2027, 09:00 GMT", form.QuerySelector(".meta")!.TextContent);
            Assert.Equal("2027-01-15T09:00", form.QuerySelector("#Input_ScheduleAt")!.GetAttribute("value")![..16]);
            Assert.Contains("Europe/London", form.QuerySelector("label[for=Input_ScheduleAt]")!.TextContent);
        }
        finally
        {
            await SaveAsync(admin, new() { ["timeZone"] = SiteTime.DefaultZone });
        }
    }

    [Fact]
    public async Task AScheduleInTheHourTheClocksSkip_IsRefused_AndTheArticleKept()
    {
        var (editor, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Editor);
        var fields = Newsroom.Article("Spring forward " + Guid.NewGuid().ToString("N")[..6], body: "A body that must not be lost.");
        fields["Input.ScheduleAt"] = "2027-09-26T02:30";

        var response = await editor.SubmitArticleAsync("/editor/articles/new", fields, "schedule");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains(Html.Errors(page), e => e.Contains("26 September 2027, 02:30 does not exist in Pacific/Auckland: that night the clocks go forward from 02:00 to 03:00."));
        Assert.Equal("A body that must not be lost.", page.QuerySelector("#Input_Body")!.TextContent);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Articles.CountAsync(a => a.Title == fields["Input.Title"])));
    }
}
