using Blog.Web.Tests.Support;

namespace Blog.Web.Tests.Pages;

public sealed class OpenToMembersFactory() : BlogAppFactory(extra: new Dictionary<string, string?> { ["Comments:OpenToMembers"] = "true" });

public sealed class OpenCommentingTests(OpenToMembersFactory factory) : IClassFixture<OpenToMembersFactory>
{
    [Fact]
    public async Task WithTheSettingOn_AMemberCanComment()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var (member, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Member);

        var id = Discussions.CommentIdFrom(await member.CommentAsync(slug, "A member speaks"));

        Assert.Equal("A member speaks", (await Discussions.LoadCommentAsync(factory, id)).Body);
        Assert.StartsWith("Sign in to join the discussion.", (await factory.CreateBrowserClient().GetDocumentAsync($"/articles/{slug}")).QuerySelector(".comment-closed")!.TextContent.Trim());
    }
}
