using System.Net;
using Blog.Web.Data;
using Blog.Web.Domain;
using Blog.Web.Domain.Moderation;
using Blog.Web.Services;
using Blog.Web.Services.Comments;
using Blog.Web.Services.Moderation;
using Blog.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Web.Tests.Pages;

public sealed class CommentOutcomeTests(EmptySiteFactory factory) : IClassFixture<EmptySiteFactory>
{
    [Fact]
    public async Task APermalinkToAFeaturedComment_LandsOnThePageThatShowsIt()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var author = await TestUsers.CreateAsync(factory, TestRole.Subscriber);
        var editor = await TestUsers.CreateAsync(factory, TestRole.Editor);
        var articleId = await Discussions.SeedThreadAsync(factory, slug, comments: 60, topLevel: 60, authorId: author.Id);
        // The 56th oldest top-level comment: on page 2 by time, but an editor's pick is shown first, on page 1.
        var late = await factory.WithDbAsync(db => db.Comments.Where(c => c.ArticleId == articleId).OrderBy(c => c.CreatedAt).Skip(55).Select(c => c.Id).FirstAsync());
        var result = await factory.WithScopeAsync(sp => sp.GetRequiredService<ModerationService>().FeatureAsync(late, true, editor.Id, CancellationToken.None));
        Assert.True(result.Succeeded, result.Message);

        var location = await factory.WithScopeAsync(sp => sp.GetRequiredService<CommentService>().LocationAsync(late, ReaderStanding.Anonymous, CancellationToken.None));

        Assert.Equal($"/articles/{slug}#comment-{late}", location);
        var page = await factory.CreateBrowserClient().GetDocumentAsync(location.Split('#')[0]);
        Assert.NotNull(page.QuerySelector($"#comment-{late}"));
    }

    [Fact]
    public async Task ARetriedPostOfARejectedComment_SaysItWasRejected()
    {
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<BlogDbContext>();
            db.ModerationWords.Add(new ModerationWord { Kind = WordListKind.Banned, Word = "flibbertigibbet" });
            await db.SaveChangesAsync();
        });
        var slug = await Discussions.PublishArticleAsync(factory);
        var (client, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);
        var key = Guid.NewGuid();

        var first = await client.CommentAsync(slug, "What a flibbertigibbet of a ruling.", key);
        var status = await client.GetDocumentAsync(first.Location()!.Split('#')[0]);
        Assert.Contains("Not published because it contains", status.Body!.TextContent);
        var retried = await client.CommentAsync(slug, "What a flibbertigibbet of a ruling.", key);

        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        var again = await client.GetDocumentAsync(retried.Location()!.Split('#')[0]);
        var message = again.QuerySelector("[role=status]")?.TextContent ?? again.Body!.TextContent;
        Assert.Contains("already posted and was not published", message);
        Assert.DoesNotContain("Your comment is published", message);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Comments.CountAsync(c => c.IdempotencyKey == key)));
    }
}
