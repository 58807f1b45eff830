using System.Text.RegularExpressions;
using Blog.Web.Tests.Infrastructure.Caching;
using Blog.Web.Tests.Support;

namespace Blog.Web.Tests.Pages.Comments;

/// <summary>
/// Threads every reader sees alike are drawn once and filled per reader: two readers get the very same bytes for
/// the shared part, and only their own tools differ.
/// </summary>
public sealed partial class SharedDrawingTests(TaggedCacheSiteFactory factory) : IClassFixture<TaggedCacheSiteFactory>
{
    [GeneratedRegex("<footer class=\"comment-tools\">[\\s\\S]*?</footer>\n?")]
    private static partial Regex Tools();

    /// <summary>The threads as drawn, without the tools under each comment (the per-reader part).</summary>
    private static string SharedPart(string page)
    {
        var start = page.IndexOf("<li class=\"comment level-1", StringComparison.Ordinal);
        var end = page.LastIndexOf("</article>", StringComparison.Ordinal);
        Assert.True(start > 0 && end > start, "the page has threads");
        return Tools().Replace(page[start..end], "");
    }

    [Fact]
    public async Task TwoReaders_GetTheSameSharedBytes_AndEachTheirOwnTools()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var (author, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);
        var first = Discussions.CommentIdFrom(await author.CommentAsync(slug, "SHARED-1 the first comment"));
        Discussions.CommentIdFrom(await author.CommentAsync(slug, "SHARED-2 the second comment"));
        var (one, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);
        var (two, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);
        await one.PressAsync($"/articles/{slug}", $"#comment-{first} button.recommend");

        var pageOne = await one.GetStringAsync($"/articles/{slug}");
        var pageTwo = await two.GetStringAsync($"/articles/{slug}");

        Assert.Contains("SHARED-2", SharedPart(pageOne));
        Assert.Equal(SharedPart(pageOne), SharedPart(pageTwo));
        Assert.Contains("aria-pressed=\"true\"", pageOne);
        Assert.DoesNotContain("aria-pressed=\"true\"", pageTwo);
    }
}
