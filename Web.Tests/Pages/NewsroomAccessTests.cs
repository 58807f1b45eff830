using System.Net;
using Blog.Web.Tests.Support;

namespace Blog.Web.Tests.Pages;

/// <summary>Every newsroom page and form, for every role that is not the newsroom.</summary>
public sealed class NewsroomAccessTests(EmptySiteFactory factory) : IClassFixture<EmptySiteFactory>
{
    public static TheoryData<string> NewsroomPages =>
    [
        "/editor",
        "/editor/articles/new",
        "/editor/articles/1/edit",
        "/editor/cases",
        "/editor/cases/new",
        "/editor/cases/1/edit",
    ];

    public static TheoryData<string> NewsroomPosts =>
    [
        "/editor/articles/new",
        "/editor/articles/1/edit",
        "/editor/cases/new",
        "/editor/cases/1/edit",
    ];

    [Theory]
    [MemberData(nameof(NewsroomPages))]
    public async Task Anonymous_IsSentToSignIn(string path)
    {
        var response = await factory.CreateBrowserClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData(TestRole.Member)]
    [InlineData(TestRole.Subscriber)]
    public async Task Readers_AreRefusedEveryPage(TestRole role)
    {
        var (client, _) = await TestUsers.SignedInClientAsync(factory, role);
        foreach (var path in NewsroomPages)
        {
            var response = await client.GetAsync(path);
            Assert.True(IsRefusal(response), $"{role} got {(int)response.StatusCode} for {path}");
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData(TestRole.Member)]
    [InlineData(TestRole.Subscriber)]
    public async Task Readers_CannotPostToTheNewsroom(TestRole? role)
    {
        var client = role is { } r ? (await TestUsers.SignedInClientAsync(factory, r)).Client : factory.CreateBrowserClient();
        // A real antiforgery token from a page this reader may open, so only authorisation can stop the post.
        var token = Html.AntiforgeryToken(await client.GetDocumentAsync("/account/login"));
        var articlesBefore = await factory.WithDbAsync(db => Task.FromResult(db.Articles.Count()));
        foreach (var path in NewsroomPosts)
        {
            var fields = new Dictionary<string, string>(Newsroom.Article("Sneaky"))
            {
                ["command"] = "publish",
                ["Input.Name"] = "Sneaky v Case",
                ["__RequestVerificationToken"] = token,
            };
            var response = await client.PostAsync(path, new FormUrlEncodedContent(fields));
            Assert.True(IsRefusal(response) || response.StatusCode == HttpStatusCode.BadRequest, $"{role} got {(int)response.StatusCode} posting {path}");
        }

        Assert.Equal(articlesBefore, await factory.WithDbAsync(db => Task.FromResult(db.Articles.Count())));
        Assert.Equal(0, await factory.WithDbAsync(db => Task.FromResult(db.Cases.Count(c => c.Name == "Sneaky v Case"))));
    }

    [Theory]
    [InlineData(TestRole.Editor)]
    [InlineData(TestRole.Admin)]
    public async Task TheNewsroom_GetsIn(TestRole role)
    {
        var (client, _) = await TestUsers.SignedInClientAsync(factory, role);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/editor")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/editor/articles/new")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/editor/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/editor/articles/999999/edit")).StatusCode);
    }

    private static bool IsRefusal(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect
            && (response.Headers.Location!.OriginalString.Contains("/account/access-denied") || response.Headers.Location.OriginalString.Contains("/account/login")));
}
