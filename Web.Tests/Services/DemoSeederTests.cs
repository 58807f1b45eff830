using Blog.Web.Domain;
using Blog.Web.Services.Demo;
using Blog.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Web.Tests.Services;

public sealed class DemoSeederTests(DemoSiteFactory factory) : IClassFixture<DemoSiteFactory>
{
    [Fact]
    public async Task Seed_CreatesTheDemoAccountsInTheirRoles()
    {
        _ = factory.Services;
        await factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<BlogUser>>();
            foreach (var account in DemoSeeder.Accounts.Where(a => a.Password is not null))
            {
                var user = await users.FindByEmailAsync(account.Email);
                Assert.NotNull(user);
                Assert.True(user.EmailConfirmed);
                Assert.True(await users.CheckPasswordAsync(user, account.Password!));
                Assert.Equal(Roles.All.Contains(account.Role) ? [account.Role] : [], await users.GetRolesAsync(user));
            }
        });
        var subscribers = await factory.WithDbAsync(db => db.Subscriptions.Select(s => s.User!.Email).ToListAsync());
        Assert.Contains("sam@docket.test", subscribers);
        Assert.Contains("priya@docket.test", subscribers);
        Assert.DoesNotContain("max@docket.test", subscribers);

        // The roles given to the newsroom's staff are on their account record, with the admin who gave them and why.
        var record = await factory.WithDbAsync(db => db.AccountEvents.Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { u.Email, e.Detail, e.Reason }).ToListAsync());
        Assert.Contains(record, e => e.Email == "legal@docket.test" && e.Detail == Roles.Legal && e.Reason.Length > 0);
    }

    [Fact]
    public async Task Seed_PublishesArticlesEachWithACaseAndOneLongDeepDiscussion()
    {
        _ = factory.Services;
        var articles = await factory.WithDbAsync(db => db.Articles
            .Select(a => new { a.Status, HasCase = a.CaseId != null, a.BodyHtml, Comments = a.Comments.Count, Deepest = a.Comments.Max(c => (int?)c.Depth) ?? 0 })
            .ToListAsync());

        Assert.True(articles.Count >= 4);
        Assert.All(articles, a => Assert.Equal(ArticleStatus.Published, a.Status));
        Assert.All(articles, a => Assert.True(a.HasCase));
        Assert.All(articles, a => Assert.False(string.IsNullOrEmpty(a.BodyHtml)));
        Assert.Contains(articles, a => a.Comments >= 30 && a.Deepest >= 3);
    }

    [Fact]
    public async Task Seed_ShowsAPictureInAnArticleBody_DrawnWithItsWidths_AndNotInItsTeaser()
    {
        _ = factory.Services;
        var pictured = await factory.WithDbAsync(db => db.Articles.Where(a => a.BodyHtml.Contains("class=\"body-picture\""))
            .Select(a => new { a.BodyHtml, a.TeaserHtml }).ToListAsync());

        var article = Assert.Single(pictured);
        Assert.Contains("columns seen from the foot of its steps", article.BodyHtml);
        Assert.Contains("960w", article.BodyHtml);
        Assert.DoesNotContain("<img", article.TeaserHtml);
    }

    [Fact]
    public async Task Seed_PathsOrderEachThreadParentFirst()
    {
        _ = factory.Services;
        var comments = await factory.WithDbAsync(db => db.Comments.OrderBy(c => c.Path).Select(c => new { c.Id, c.ParentId, c.Path, c.Depth }).ToListAsync());

        var seen = new HashSet<long>();
        foreach (var comment in comments)
        {
            Assert.True(comment.ParentId is null || seen.Contains(comment.ParentId.Value), $"comment {comment.Id} came before its parent");
            Assert.Equal(comment.Depth, comment.Path.Count(c => c == '.'));
            seen.Add(comment.Id);
        }
    }

    [Fact]
    public async Task Seed_RunAgain_ChangesNothing()
    {
        _ = factory.Services;
        async Task<(int, int, int, int)> Counts() => await factory.WithDbAsync(async db =>
            (await db.Users.CountAsync(), await db.Articles.CountAsync(), await db.Cases.CountAsync(), await db.Comments.CountAsync()));
        var before = await Counts();

        await factory.WithScopeAsync(sp => sp.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None));

        Assert.Equal(before, await Counts());
    }

    [Fact]
    public async Task Seed_ShowsASuppressionOrderAtWork_OnAnotherCasesArticle()
    {
        _ = factory.Services;
        var held = await factory.WithDbAsync(db => db.Comments.Where(c => c.SuppressionOrderId != null)
            .Select(c => new { c.Status, c.SuppressionTerm, ArticleCase = c.Article!.CaseId, OrderCase = db.SuppressionOrders.Single(o => o.Id == c.SuppressionOrderId).CaseId })
            .SingleAsync());

        Assert.Equal(CommentStatus.Pending, held.Status);
        Assert.Equal("Arlo Penhaligon", held.SuppressionTerm);
        Assert.NotEqual(held.OrderCase, held.ArticleCase);
        var (editor, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Editor);
        var queue = await editor.GetDocumentAsync("/moderation?queue=pending&reason=suppression");
        Assert.Contains("Arlo Penhaligon", queue.QuerySelector(".suppression-hit")!.TextContent);
        Assert.Equal(["A", "Penhaligon"], queue.QuerySelectorAll(".comment-text mark").Select(m => m.TextContent));
        Assert.Contains("defendant", (await editor.GetDocumentAsync("/moderation")).QuerySelector(".due-orders")!.TextContent);
    }
}
