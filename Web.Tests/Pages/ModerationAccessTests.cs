using System.Net;
using Blog.Web.Tests.Support;

namespace Blog.Web.Tests.Pages;

/// <summary>Only editors and admins reach anything under /moderation; only admins the word lists.</summary>
public sealed class ModerationAccessTests(EmptySiteFactory factory) : IClassFixture<EmptySiteFactory>
{
    public static readonly string[] Pages =
    [
        "/moderation", "/moderation?queue=reported", "/moderation?queue=rejected", "/moderation/log", "/moderation/orders",
        "/moderation/words", "/moderation/comments/1", "/moderation/users/someone", "/moderation/articles/1",
    ];

    public static readonly string[] Posts =
    [
        "/moderation?queue=pending&handler=approve&id=1", "/moderation?queue=pending&handler=reject&id=1",
        "/moderation?queue=pending&handler=feature&id=1&featured=true", "/moderation?queue=pending&handler=restore&id=1",
        "/moderation?queue=pending&handler=bulk&bulkAction=approve", "/moderation?returnTo=%2Fmoderation%2Fcomments%2F1&handler=approve&id=1",
        "/moderation/users/someone?handler=sanction", "/moderation/users/someone?handler=lift&sanctionId=1",
        "/moderation/articles/1", "/moderation/orders", "/moderation/words?handler=add", "/moderation/words?handler=remove&wordId=1",
    ];

    [Theory]
    [InlineData(null)]
    [InlineData(TestRole.Member)]
    [InlineData(TestRole.Subscriber)]
    public async Task Readers_GetASignInRedirectOr403_OnEveryPageAndPost(TestRole? role)
    {
        var client = role is { } r ? (await TestUsers.SignedInClientAsync(factory, r)).Client : factory.CreateBrowserClient();
        var token = Html.AntiforgeryToken(await client.GetDocumentAsync("/account/login"));
        foreach (var path in Pages)
        {
            Assert.True(IsRefusal(await client.GetAsync(path)), $"{role} reached {path}");
        }

        foreach (var path in Posts)
        {
            var response = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["ids"] = "1", ["mode"] = "Closed", ["kind"] = "Ban", ["reason"] = "x", ["word"] = "x", ["terms"] = "x", ["caseId"] = "1",
            }));
            Assert.True(IsRefusal(response) || response.StatusCode == HttpStatusCode.BadRequest, $"{role} posted to {path}: {(int)response.StatusCode}");
        }

        Assert.Equal(0, await factory.WithDbAsync(db => Task.FromResult(db.ModerationDecisions.Count(d => d.ActorId != null))));
    }

    [Fact]
    public async Task Editors_ReachTheQueuesButNotTheWordLists_AdminsReachBoth()
    {
        var (editor, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Editor);
        var (admin, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Admin);

        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/moderation")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/moderation/log")).StatusCode);
        Assert.True(IsRefusal(await editor.GetAsync("/moderation/words")));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/moderation/words")).StatusCode);
        Assert.Contains("no-store", (await editor.GetAsync("/moderation")).Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task Admin_ManagesTheWordLists()
    {
        var (admin, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Admin);

        await admin.PostFormAsync("/moderation/words", new Dictionary<string, string> { ["kind"] = "Suspect", ["word"] = "Crook" }, formSelector: "form[action*='handler=add']");

        var page = await admin.GetDocumentAsync("/moderation/words");
        Assert.Contains("crook", page.QuerySelector("#list-Suspect")!.ParentElement!.TextContent);
    }

    private static bool IsRefusal(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect
            && (response.Headers.Location!.OriginalString.Contains("/account/access-denied") || response.Headers.Location.OriginalString.Contains("/account/login")));
}

public sealed class SuppressionOrderFormTests(EmptySiteFactory factory) : IClassFixture<EmptySiteFactory>
{
    [Fact]
    public async Task ARefusedOrder_ComesBackWithTheReasonAndWhatWasTyped()
    {
        var (editor, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Editor);
        var caseId = await editor.CreateCaseAsync($"R v Protected {Guid.NewGuid():N}");

        var refused = await editor.PostFormAsync("/moderation/orders", new Dictionary<string, string>
        {
            ["Input.CaseId"] = caseId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Type"] = "Permanent", ["Input.Role"] = "complainant", ["Input.Terms"] = "  ",
        }, formSelector: "#order-form");

        var page = await Html.ParseAsync(refused);
        Assert.Contains("at least one suppressed term", page.QuerySelector(".editor-form .form-errors")!.TextContent);
        Assert.Equal("complainant", page.QuerySelector("#Input_Role")!.GetAttribute("value"));
        Assert.Equal("Permanent", page.QuerySelector("#Input_Type option[selected]")!.GetAttribute("value"));

        var saved = await editor.PostFormAsync("/moderation/orders", new Dictionary<string, string>
        {
            ["Input.CaseId"] = caseId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Type"] = "Interim", ["Input.Role"] = "complainant", ["Input.Terms"] = "Jane Roe",
        }, formSelector: "#order-form");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Jane Roe", (await editor.GetDocumentAsync("/moderation/orders")).QuerySelector(".data-table")!.TextContent);
    }
}
