using Blog.Web.Domain;
using Blog.Web.Services.Bench;
using Blog.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Web.Tests.Services;

public sealed class BenchSeederTests
{
    [Fact]
    public async Task SeedBench_AtASmallScale_HasTheCountsAndShapesAsked()
    {
        await using var factory = new EmptySiteFactory();
        var scale = BenchScale.Small;

        var result = await factory.WithScopeAsync(sp => sp.GetRequiredService<BenchSeeder>().SeedAsync(scale, CancellationToken.None));

        await factory.WithDbAsync(async db =>
        {
            Assert.Equal(scale.Articles, await db.Articles.CountAsync(a => a.Status == ArticleStatus.Published && a.CaseId != null));
            Assert.Equal(scale.Articles, await db.Cases.CountAsync());
            Assert.Equal(scale.MediumThread, await db.Comments.CountAsync(c => c.Article!.Slug == result.MediumSlug));
            Assert.Equal(scale.LargeThread, await db.Comments.CountAsync(c => c.Article!.Slug == result.LargeSlug));
            Assert.Equal(scale.MediumThread + scale.LargeThread + scale.FurtherComments, await db.Comments.CountAsync());
            Assert.Equal(scale.Pending, await db.Comments.CountAsync(c => c.Status == CommentStatus.Pending));
            Assert.Equal(scale.Reported, await db.CommentReports.Select(r => r.CommentId).Distinct().CountAsync());
            Assert.Equal(scale.Users + 1, await db.Users.CountAsync());
            Assert.Equal(scale.Subscribers, await db.Subscriptions.CountAsync());
            Assert.Equal(scale.Subscribers, result.SubscriberEmails.Count);

            var large = await db.Comments.Where(c => c.Article!.Slug == result.LargeSlug).Select(c => new { c.Depth, c.ParentId, c.Path, c.RootId, c.Id }).ToListAsync();
            var topShare = large.Count(c => c.ParentId == null) / (double)large.Count;
            Assert.InRange(topShare, 0.3, 0.55);
            Assert.InRange(large.Max(c => c.Depth), 3, scale.MaxDepth - 1);
            Assert.All(large, c => Assert.Equal(c.Depth, c.Path.Count(ch => ch == '.')));
            Assert.All(large.Where(c => c.ParentId == null), c => Assert.Equal(c.Id, c.RootId));
            return 0;
        });

        // The seeded accounts work: a subscriber signs in with the bench password.
        var signIn = await factory.CreateBrowserClient().SignInAsync(result.SubscriberEmails[0], BenchSeeder.Password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);
        var page = await factory.CreateBrowserClient().GetDocumentAsync($"/articles/{result.LargeSlug}");
        var roots = await factory.WithDbAsync(db => db.Comments.CountAsync(c => c.Article!.Slug == result.LargeSlug && c.ParentId == null));
        Assert.Equal(Math.Min(50, roots), page.QuerySelectorAll("ol.top-level > li.comment").Length);
    }
}
