using System.Net;
using Blog.Web.Domain;
using Blog.Web.Services.Newsroom;
using Blog.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Web.Tests.Pages;

/// <summary>Subscriber-only text never reaches readers who may not read it, by any door.</summary>
public sealed class PaywallTests(EmptySiteFactory factory) : IClassFixture<EmptySiteFactory>
{
    private const string Secret = "zygomorphic";

    private async Task<(string Slug, long CommentId)> PaywalledArticleWithACommentAsync()
    {
        var slug = await Discussions.PublishArticleAsync(factory, visibility: ArticleVisibility.Subscribers);
        var (subscriber, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);
        var id = Discussions.CommentIdFrom(await subscriber.CommentAsync(slug, $"A subscriber's view: the {Secret} reasoning holds."));
        return (slug, id);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CommentsUnderASubscriberOnlyArticle_AreNotReadableByOthers_ThroughAnyPage(bool signedInMember)
    {
        var (slug, id) = await PaywalledArticleWithACommentAsync();
        var client = signedInMember ? (await TestUsers.SignedInClientAsync(factory, TestRole.Member)).Client : factory.CreateBrowserClient();

        foreach (var path in new[] { $"/comments/{id}", $"/comments/{id}/reply", $"/comments/{id}/report", $"/articles/{slug}/comments?page=1", $"/articles/{slug}" })
        {
            var response = await client.GetAsync(path);
            var text = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(Secret, text);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/comments/{id}")).StatusCode);
    }

    [Fact]
    public async Task CommentsUnderASubscriberOnlyArticle_AreReadableBySubscribers()
    {
        var (_, id) = await PaywalledArticleWithACommentAsync();
        var (subscriber, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);

        var page = await subscriber.GetAsync($"/comments/{id}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(Secret, await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Search_ShowsASubscriberOnlyArticle_FromItsTeaserOnly_NeverItsBody()
    {
        var editor = await TestUsers.CreateAsync(factory, TestRole.Editor);
        var title = $"Paywalled ruling {Guid.NewGuid():N}";
        await factory.WithScopeAsync(sp => sp.GetRequiredService<ArticleEditor>().SaveAsync(null,
            new ArticleInput(title, null, "The standfirst of the ruling.",
                "The teaser's first paragraph mentions the appellant.\n\nIts second paragraph too.\n\nDeep in the body lies the quixotry of the third paragraph.",
                "", null, ArticleVisibility.Subscribers, CommentMode.Open, null, ""),
            ArticleAction.Publish, null, editor.Id, CancellationToken.None));
        var anonymous = factory.CreateBrowserClient();
        var (subscriber, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);

        var byTeaser = await Results(anonymous, "appellant");
        var teaserSnippet = await Results(anonymous, "teaser");
        var byBody = await Results(anonymous, "quixotry");
        var subscriberByBody = await Results(subscriber, "quixotry");

        Assert.Contains(title, byTeaser);
        Assert.Contains("teaser", teaserSnippet);
        Assert.DoesNotContain("third paragraph", byTeaser + teaserSnippet);
        Assert.DoesNotContain(title, byBody);
        Assert.DoesNotContain(title, subscriberByBody);
    }

    private static async Task<string> Results(HttpClient client, string query) =>
        (await client.GetDocumentAsync($"/search?q={query}")).QuerySelector(".search-results")?.TextContent ?? "";
}
