using System.Net;
using System.Text.RegularExpressions;
using Blog.Web.Services;
using Blog.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Web.Tests.Pages;

public sealed class TightPostingLimitFactory() : BlogAppFactory(extra: new Dictionary<string, string?>
{
    ["Comments:PostsPerMinute"] = "2",
    ["Comments:PreviewsPerMinute"] = "4",
    ["Comments:ActionsPerMinute"] = "2",
});

public sealed class PostingLimitTests(TightPostingLimitFactory factory) : IClassFixture<TightPostingLimitFactory>
{
    [Fact]
    public async Task PostsBeyondTheLimit_RedisplayTheFormWithTheTextAndWhenToTryAgain()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var (client, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);

        Assert.Equal(HttpStatusCode.Redirect, (await client.CommentAsync(slug, "First thought on the judgment.")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.CommentAsync(slug, "Second thought on the judgment.")).StatusCode);
        var refused = await client.CommentAsync(slug, "A third thought, typed with care.");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 60);
        var page = await Html.ParseAsync(refused);
        Assert.Contains("faster than the site allows", page.QuerySelector("form.comment-form")!.TextContent);
        Assert.Matches(new Regex(@"wait \d+ seconds?"), page.QuerySelector("form.comment-form")!.TextContent);
        Assert.Equal("A third thought, typed with care.", page.QuerySelector("form.comment-form textarea")!.TextContent);
    }

    [Fact]
    public async Task EachReaderHasTheirOwnLimit_EvenFromOneAddress()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var (first, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);
        var (second, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);

        await first.CommentAsync(slug, "One from the first reader.");
        await first.CommentAsync(slug, "Two from the first reader.");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await first.CommentAsync(slug, "Three from the first reader.")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await second.CommentAsync(slug, "One from the second reader.")).StatusCode);
    }

    [Fact]
    public async Task Previews_HaveTheirOwnLooserLimit_AndDoNotUseUpPosts()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var (client, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.CommentAsync(slug, $"Draft number {i}", command: "preview")).StatusCode);
        }

        var fifth = await client.CommentAsync(slug, "Draft number five", command: "preview");
        Assert.Equal(HttpStatusCode.TooManyRequests, fifth.StatusCode);
        Assert.Contains("previewing faster", (await Html.ParseAsync(fifth)).QuerySelector("form.comment-form")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await client.CommentAsync(slug, "Posting after previews.")).StatusCode);
    }

    [Fact]
    public async Task Reports_AreLimited_WithTheDetailsKept()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var (author, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);
        var ids = new List<long>();
        foreach (var text in new[] { "Report me one.", "Report me two." })
        {
            ids.Add(Discussions.CommentIdFrom(await author.CommentAsync(slug, text)));
        }

        var (reader, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Member);
        var third = Discussions.CommentIdFrom(await (await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber)).Client.CommentAsync(slug, "Report me three."));
        foreach (var id in ids)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await reader.PostFormAsync($"/comments/{id}/report",
                new Dictionary<string, string> { ["Reason"] = "OffTopic", ["Details"] = "" })).StatusCode);
        }

        var refused = await reader.PostFormAsync($"/comments/{third}/report", new Dictionary<string, string> { ["Reason"] = "Other", ["Details"] = "Careful words" });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var page = await Html.ParseAsync(refused);
        Assert.Contains("reporting faster", page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal("Careful words", page.QuerySelector("textarea[name=Details]")!.TextContent);
    }
}

public sealed class BadInputTests(EmptySiteFactory factory) : IClassFixture<EmptySiteFactory>
{
    public static TheoryData<string> TooDeep =>
    [
        new string('>', 3000) + " deep",
        string.Concat(Enumerable.Repeat("> ", 2000)) + "deep",
        string.Concat(Enumerable.Repeat("- ", 1500)) + "item",
        new string('*', 2000) + "x" + new string('*', 2000),
    ];

    [Theory]
    [MemberData(nameof(TooDeep))]
    public async Task ACommentNestedTooDeeply_GetsAClearMessageWithTheTextKept(string body)
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var (client, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);

        foreach (var command in new[] { "post", "preview" })
        {
            var response = await client.CommentAsync(slug, body, command: command);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var form = (await Html.ParseAsync(response)).QuerySelector("form.comment-form")!;
            Assert.Contains("too deeply", form.TextContent);
            Assert.Equal(body.Trim(), form.QuerySelector("textarea")!.TextContent.Trim());
        }
    }

    [Fact]
    public async Task AnArticleNestedTooDeeply_GetsAClearMessageWithTheTextKept()
    {
        var (editor, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Editor);
        var body = new string('>', 3000) + " deep";

        var response = await editor.SubmitArticleAsync("/editor/articles/new", Newsroom.Article("Deep nesting", body), "save");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains(Html.Errors(page), e => e.Contains("too deeply"));
        Assert.Equal(body, page.QuerySelector("textarea[name='Input.Body']")!.TextContent.TrimStart('\n'));
    }

    [Fact]
    public async Task APreview_ByAReaderWhoMayNotComment_IsNotDrawn()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var (member, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Member);
        var page = await member.GetDocumentAsync($"/articles/{slug}");
        var token = Html.AntiforgeryToken(page);

        var response = await member.PostAsync($"/articles/{slug}?handler=Comment", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Body"] = "**bold** preview", ["Input.IdempotencyKey"] = Guid.NewGuid().ToString(), ["command"] = "preview", ["__RequestVerificationToken"] = token,
        }));

        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<strong>bold</strong>", body);
    }

    [Fact]
    public async Task APreviewTooLong_SaysSoInsteadOfDrawingIt()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var (client, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);

        var response = await client.CommentAsync(slug, "**long** " + new string('x', 6000), command: "preview");

        var form = (await Html.ParseAsync(response)).QuerySelector("form.comment-form")!;
        Assert.Contains("at most 5,000 characters", form.TextContent);
        Assert.DoesNotContain("<strong>long</strong>", form.InnerHtml);
    }

    [Theory]
    [InlineData("/error/200")]
    [InlineData("/error/302")]
    [InlineData("/error/999")]
    [InlineData("/error/0")]
    public async Task TheErrorPage_AnswersOnlyRealErrorCodes(string path)
    {
        var response = await factory.CreateBrowserClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task APostWithoutAValidToken_GetsAClearPage()
    {
        var client = factory.CreateBrowserClient();

        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "a@example.test" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("reload the page", page.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task TimesInPages_AreValidHtmlDatetimes()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var (client, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);
        await client.CommentAsync(slug, "A comment with a time.");

        foreach (var path in new[] { "/", $"/articles/{slug}" })
        {
            var page = await client.GetDocumentAsync(path);
            var times = page.QuerySelectorAll("time[datetime]").Select(t => t.GetAttribute("datetime")!).ToList();
            Assert.NotEmpty(times);
            Assert.All(times, t => Assert.Matches(new Regex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"), t));
        }
    }
}

public sealed class LengthLimitTests(EmptySiteFactory factory) : IClassFixture<EmptySiteFactory>
{
    [Fact]
    public async Task ReportDetails_OverTheLimit_GetAClearMessage_WithTheTextKept()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var (author, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);
        var id = Discussions.CommentIdFrom(await author.CommentAsync(slug, "Something to report."));
        var (reader, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Member);
        var details = new string('d', TextLimitsFor.ReportDetails + 1);

        var response = await reader.PostFormAsync($"/comments/{id}/report", new Dictionary<string, string> { ["Reason"] = "Other", ["Details"] = details });

        var page = await Html.ParseAsync(response);
        Assert.Contains("at most 1,000 characters", page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(details, page.QuerySelector("textarea[name=Details]")!.TextContent);
        Assert.Equal(0, await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.CommentReports, r => r.CommentId == id)));
    }

    [Fact]
    public async Task ASanctionReason_OverTheLimit_IsRefusedWithTheReasonKept()
    {
        var (editor, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Editor);
        var member = await TestUsers.CreateAsync(factory, TestRole.Member);
        var reason = new string('r', TextLimitsFor.SanctionReason + 1);

        var response = await editor.PostFormAsync($"/moderation/users/{member.Id}", new Dictionary<string, string> { ["kind"] = "Warning", ["duration"] = "", ["reason"] = reason },
            formSelector: "form.sanction-form");

        var page = await Html.ParseAsync(response);
        Assert.Contains("at most 1,000 characters", page.QuerySelector(".sanction-form [role=alert]")!.TextContent);
        Assert.Equal(reason, page.QuerySelector("#reason")!.GetAttribute("value"));
    }

    [Fact]
    public async Task ARejectionNote_OverTheLimit_IsRefused()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var (author, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);
        var id = Discussions.CommentIdFrom(await author.CommentAsync(slug, "A comment to reject."));
        var editor = await TestUsers.CreateAsync(factory, TestRole.Editor);

        var result = await factory.WithScopeAsync(sp => sp.GetRequiredService<Blog.Web.Services.Moderation.ModerationService>()
            .RejectAsync(id, "off-topic", new string('n', TextLimitsFor.ModeratorNote + 1), editor.Id, CancellationToken.None));

        Assert.False(result.Succeeded);
        Assert.Contains("at most 500 characters", result.Message);
        Assert.Equal(Blog.Web.Domain.CommentStatus.Published, (await Discussions.LoadCommentAsync(factory, id)).Status);
    }

    [Fact]
    public async Task AnAdName_OverTheLimit_IsRefusedWithAClearMessage()
    {
        var (admin, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Admin);

        var response = await admin.PostFormAsync("/admin/ads", new Dictionary<string, string>
        {
            ["name"] = new string('a', 101), ["text"] = "Subscribe today", ["link"] = "/subscribe", ["slot"] = "Header", ["weight"] = "1",
        }, postUrl: "/admin/ads?handler=Add");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("at most 100 characters", (await Html.ParseAsync(response)).QuerySelector("[role=alert]")!.TextContent);
    }

    [Fact]
    public async Task ACaseField_OverTheLimit_GetsAClearMessage()
    {
        var (editor, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Editor);

        var response = await editor.PostFormAsync("/editor/cases/new", new Dictionary<string, string>
        {
            ["Input.Name"] = "Long v Court", ["Input.Court"] = new string('c', 201), ["Input.Status"] = "None",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Html.Errors(await Html.ParseAsync(response)), e => e.Contains("Court can be at most 200 characters"));
    }
}

file static class TextLimitsFor
{
    public const int ReportDetails = Blog.Web.Domain.TextLimits.ReportDetails;
    public const int SanctionReason = Blog.Web.Domain.TextLimits.SanctionReason;
    public const int ModeratorNote = Blog.Web.Domain.TextLimits.ModeratorNote;
}

/// <summary>Found by wapiti: control characters in a form field gave a 500.</summary>
public sealed class ControlCharacterTests(EmptySiteFactory factory) : IClassFixture<EmptySiteFactory>
{
    [Theory]
    [InlineData("/account/resend-confirmation", "Input.Email")]
    [InlineData("/account/forgot-password", "Input.Email")]
    [InlineData("/account/login", "Input.Email")]
    [InlineData("/account/register", "Input.Email")]
    [InlineData("/account/register", "Input.DisplayName")]
    public async Task ANulCharacterInAField_IsRefusedClearly_NeverA500(string page, string field)
    {
        var client = factory.CreateBrowserClient();
        var fields = new Dictionary<string, string>
        {
            ["Input.Email"] = "reader@example.org", ["Input.Password"] = TestUsers.Password, ["Input.ConfirmPassword"] = TestUsers.Password,
            ["Input.DisplayName"] = "Nul Reader",
        };
        fields[field] = field.EndsWith("Email", StringComparison.Ordinal) ? "https://wapiti3.ovh/e.php\0" : "Nul\0Reader";

        var response = await client.PostFormAsync(page, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("a character the site cannot accept", (await Html.ParseAsync(response)).QuerySelector("main")!.TextContent);
    }
}
