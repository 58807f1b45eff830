using Blog.Web.Data;
using Blog.Web.Domain;
using Blog.Web.Services.Jobs;
using Blog.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Web.Tests.Services.Jobs;

/// <summary>
/// Background jobs run on one instance at a time, by the site's clock, from what the database says is due. Rounds are
/// run by hand here (the timer loop is switched off) so each test decides when the clock moves and who runs.
/// </summary>
public sealed class BackgroundWorkTests : IDisposable
{
    private static readonly Dictionary<string, string?> ByHand = new() { ["Jobs:Enabled"] = "false" };

    private readonly BlogAppFactory first = new(extra: ByHand);
    private readonly BlogAppFactory second;

    public BackgroundWorkTests() => second = new BlogAppFactory(extra: ByHand, sameDatabaseAs: first);

    private static Task<IReadOnlyList<string>> RoundAsync(BlogAppFactory instance) =>
        instance.Services.GetRequiredService<BackgroundWork>().RunRoundAsync(CancellationToken.None);

    private void Advance(TimeSpan by)
    {
        first.Clock.Advance(by);
        second.Clock.Advance(by);
    }

    [Fact]
    public async Task EachJob_RunsOnOneInstance_AndMovesToAnotherWhenItsHolderStops()
    {
        var all = first.Services.GetRequiredService<JobCatalog>().Jobs.Count;
        var together = await Task.WhenAll(RoundAsync(first), RoundAsync(second));
        Assert.Equal(all, together.Sum(ran => ran.Count));
        Assert.Equal(all, together.SelectMany(ran => ran).Distinct().Count());

        // The holders go on renewing: nothing moves while both run rounds.
        var holders = await first.WithDbAsync(db => db.JobLeases.AsNoTracking().ToDictionaryAsync(l => l.Name, l => l.Holder));
        Advance(BackgroundWork.Round);
        await Task.WhenAll(RoundAsync(first), RoundAsync(second));
        Assert.Equal(holders, await first.WithDbAsync(db => db.JobLeases.AsNoTracking().ToDictionaryAsync(l => l.Name, l => l.Holder)));

        // The first instance stops; once its leases run out, the second takes every job.
        Advance(BackgroundWork.LeaseLength);
        Assert.Equal(all, (await RoundAsync(second)).Count);
        Assert.Empty(await RoundAsync(first));
        var instance = second.Services.GetRequiredService<BackgroundWork>().Instance;
        Assert.All(await first.WithDbAsync(db => db.JobLeases.AsNoTracking().ToListAsync()), lease => Assert.Equal(instance, lease.Holder));
    }

    [Fact]
    public async Task AScheduledArticle_ReachesTheCachedHomePage_OnTheRoundWhenItsTimeComes()
    {
        var title = $"Scheduled ruling {Guid.NewGuid():N}";
        var at = first.Clock.GetUtcNow().AddSeconds(2);
        await Discussions.PublishArticleAsync(first, title, scheduleAt: at);
        var reader = first.CreateAnonymousClient();
        Assert.DoesNotContain(title, await (await reader.GetAsync("/")).Content.ReadAsStringAsync());

        // Its time has come, but the home page was kept a moment ago: only the job's save evicts it.
        Advance(TimeSpan.FromSeconds(3));
        var kept = await reader.GetAsync("/");
        Assert.NotNull(kept.Headers.Age);
        Assert.DoesNotContain(title, await kept.Content.ReadAsStringAsync());

        Assert.Contains(first.Services.GetRequiredService<PublishDueArticles>().Name, await RoundAsync(first));

        var fresh = await reader.GetAsync("/");
        Assert.Null(fresh.Headers.Age);
        Assert.Contains(title, await fresh.Content.ReadAsStringAsync());
        var article = await first.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Title == title));
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal(at, article.PublishedAt);
    }

    [Fact]
    public async Task SessionsPastTheirExpiry_AreDeleted_OthersStay()
    {
        var user = await TestUsers.CreateAsync(first, TestRole.Member);
        await first.CreateBrowserClient().SignInAsync(user.Email, user.Password);
        await first.WithDbAsync(async db =>
        {
            db.UserSessions.Add(new UserSession
            {
                Id = "ended-" + Guid.NewGuid().ToString("N"),
                UserId = user.Id,
                Ticket = [1],
                CreatedAt = first.Clock.GetUtcNow().AddDays(-30),
                ExpiresAt = first.Clock.GetUtcNow().AddSeconds(-1),
            });
            return await db.SaveChangesAsync();
        });

        await RoundAsync(first);

        var left = await first.WithDbAsync(db => db.UserSessions.AsNoTracking().Where(s => s.UserId == user.Id).ToListAsync());
        Assert.Single(left);
        Assert.True(left[0].ExpiresAt > first.Clock.GetUtcNow());
    }

    public void Dispose()
    {
        second.Dispose();
        first.Dispose();
    }
}
