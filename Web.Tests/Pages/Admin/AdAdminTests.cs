using System.Net;
using Blog.Web.Data;
using Blog.Web.Domain;
using Blog.Web.Services.Ads;
using Blog.Web.Services.Subscriptions;
using Blog.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Web.Tests.Pages.Admin;

/// <summary>House ads: edited, paused, scheduled, previewed, and counted first-party as daily totals.</summary>
public sealed class AdAdminTests(EmptySiteFactory factory) : IClassFixture<EmptySiteFactory>
{
    /// <summary>Adds a header ad and pauses every other, so pages show this one (once it starts).</summary>
    private async Task<Ad> AddAdAsync(string name, DateTimeOffset? starts = null, string link = "/subscribe")
    {
        await factory.WithDbAsync(async db =>
        {
            foreach (var other in await db.Ads.Where(a => a.PausedAt == null).ToListAsync())
            {
                other.PausedAt = factory.Clock.GetUtcNow();
            }

            return await db.SaveChangesAsync();
        });
        await factory.WithScopeAsync(sp => sp.GetRequiredService<AdService>().SaveAsync(
            new AdInput(name, $"{name}: read without ads.", link, "", AdSlot.Header, starts ?? factory.Clock.GetUtcNow().AddMinutes(-1), null, 1, false), CancellationToken.None));
        return await factory.WithDbAsync(db => db.Ads.AsNoTracking().SingleAsync(a => a.Name == name));
    }

    private Task<int> FlushAsync() => factory.WithScopeAsync(sp =>
        factory.Services.GetRequiredService<AdCounter>().FlushAsync(sp.GetRequiredService<BlogDbContext>(), CancellationToken.None));

    private Task<(long Impressions, long Clicks)> CountsAsync(int adId) => factory.WithDbAsync(async db =>
    {
        var days = await db.AdDailyCounts.Where(c => c.AdId == adId).ToListAsync();
        return (days.Sum(c => c.Impressions), days.Sum(c => c.Clicks));
    });

    private static async Task<IReadOnlyList<string>> HeaderAdsAsync(HttpClient client)
    {
        var page = await client.GetDocumentAsync("/");
        return page.QuerySelectorAll("aside[data-ad-slot=Header] .ad-link span").Select(s => s.TextContent).ToList();
    }

    [Fact]
    public async Task AReaderShownTheAd_CountsOneImpression_AndAClickGoesThroughTheCounter_ASubscriberCountsNothing()
    {
        // The only header ad running, by weight: every page shows it.
        var ad = await AddAdAsync($"Counted {Guid.NewGuid():N}"[..20]);
        var reader = factory.CreateBrowserClient();
        var page = await reader.GetDocumentAsync("/");
        var slot = page.QuerySelectorAll("aside[data-ad-slot=Header]").Single(a => a.TextContent.Contains(ad.Text));
        Assert.Equal($"/ads/{ad.Id}/go", slot.QuerySelector("a.ad-link")!.GetAttribute("href"));
        var seen = slot.QuerySelector("img.ad-seen")!.GetAttribute("src")!;

        var pixel = await reader.GetAsync(seen);
        Assert.Equal("image/gif", pixel.Content.Headers.ContentType!.MediaType);
        Assert.True(pixel.Headers.CacheControl!.NoStore);
        await reader.GetAsync(seen);
        var go = await reader.GetAsync($"/ads/{ad.Id}/go");
        Assert.Equal(HttpStatusCode.Redirect, go.StatusCode);
        Assert.Equal("/subscribe", go.Location());

        var (subscriber, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);
        Assert.Null((await subscriber.GetDocumentAsync("/")).QuerySelector("img.ad-seen"));
        await subscriber.GetAsync(seen);

        await FlushAsync();
        Assert.Equal((2L, 1L), await CountsAsync(ad.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/ads/999999/go")).StatusCode);
        await reader.GetAsync("/ads/999999/seen");
        await FlushAsync();
        Assert.Equal(0, await factory.WithDbAsync(db => db.AdDailyCounts.CountAsync(c => c.AdId == 999999)));

        var (admin, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Admin);
        var stats = await admin.GetDocumentAsync($"/admin/ads/{ad.Id}");
        var today = stats.QuerySelector("#ad-counts tbody tr")!.TextContent;
        Assert.Contains(SiteTime.Find(SiteTime.DefaultZone)!.ShortDate(factory.Clock.GetUtcNow()), today);
        Assert.Contains("50.0", today);
    }

    [Fact]
    public async Task Totals_AddUpAcrossWrites()
    {
        var ad = await AddAdAsync($"Totals {Guid.NewGuid():N}"[..20]);
        var counter = factory.Services.GetRequiredService<AdCounter>();
        for (var i = 0; i < 3; i++)
        {
            counter.Record(ad.Id, AdEvent.Impression, SiteTime.Utc);
        }

        await FlushAsync();
        counter.Record(ad.Id, AdEvent.Impression, SiteTime.Utc);
        counter.Record(ad.Id, AdEvent.Click, SiteTime.Utc);
        await FlushAsync();
        Assert.Equal((4L, 1L), await CountsAsync(ad.Id));
        Assert.Equal(1, await factory.WithDbAsync(db => db.AdDailyCounts.CountAsync(c => c.AdId == ad.Id)));
    }

    [Fact]
    public async Task APausedAd_ShowsNowhere_UntilRestarted()
    {
        var ad = await AddAdAsync($"Paused {Guid.NewGuid():N}"[..20]);
        var reader = factory.CreateBrowserClient();
        Assert.Contains(ad.Text, await HeaderAdsAsync(reader));

        var (admin, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Admin);
        var paused = await admin.PostFormAsync($"/admin/ads/{ad.Id}", new Dictionary<string, string>(), formSelector: "form[action*='handler=pause']");
        Assert.Equal($"/admin/ads/{ad.Id}", paused.Location());
        Assert.DoesNotContain(ad.Text, await HeaderAdsAsync(reader));
        Assert.StartsWith("Paused", (await admin.GetDocumentAsync($"/admin/ads/{ad.Id}")).QuerySelector("#ad-state")!.TextContent.Trim());

        await admin.PostFormAsync($"/admin/ads/{ad.Id}", new Dictionary<string, string>(), formSelector: "form[action*='handler=pause']");
        Assert.Contains(ad.Text, await HeaderAdsAsync(reader));
    }

    [Fact]
    public async Task AScheduledAd_WaitsForItsStart_AndAnEditChangesWhatReadersSee()
    {
        var (admin, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Admin);
        var later = await AddAdAsync($"Later {Guid.NewGuid():N}"[..20], starts: factory.Clock.GetUtcNow().AddDays(3));
        var reader = factory.CreateBrowserClient();
        Assert.DoesNotContain(later.Text, await HeaderAdsAsync(reader));
        Assert.StartsWith("Starts", (await admin.GetDocumentAsync($"/admin/ads/{later.Id}")).QuerySelector("#ad-state")!.TextContent.Trim());

        var ad = await AddAdAsync($"Edited {Guid.NewGuid():N}"[..20]);
        var refused = await admin.PostFormAsync($"/admin/ads/{ad.Id}", new Dictionary<string, string>
        {
            ["text"] = "A new text", ["ends"] = TypedTime.Of(factory.Clock.GetUtcNow().AddDays(-2)),
        }, formSelector: "form.editor-form");
        var page = await Html.ParseAsync(refused);
        Assert.Contains("The end must come after the start", page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal("A new text", page.QuerySelector("#text")!.GetAttribute("value"));

        var saved = await admin.PostFormAsync($"/admin/ads/{ad.Id}", new Dictionary<string, string> { ["text"] = "Court reporting, without the ads." }, formSelector: "form.editor-form");
        Assert.Equal($"/admin/ads/{ad.Id}", saved.Location());
        Assert.Contains("Court reporting, without the ads.", await HeaderAdsAsync(reader));
    }

    [Fact]
    public async Task ThePreview_ShowsTheAdInEverySlot_WithoutCountingIt()
    {
        var ad = await AddAdAsync($"Preview {Guid.NewGuid():N}"[..20], link: "https://example.org/library");
        var (admin, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Admin);
        var page = await admin.GetDocumentAsync($"/admin/ads/{ad.Id}");
        var previews = page.QuerySelectorAll(".ad-preview");
        Assert.Equal(Enum.GetValues<AdSlot>().Select(s => s.ToString()), previews.Select(p => p.GetAttribute("data-preview-slot")));
        Assert.All(previews, p =>
        {
            Assert.Equal("https://example.org/library", p.QuerySelector("a.ad-link")!.GetAttribute("href"));
            Assert.Null(p.QuerySelector("img.ad-seen"));
        });
    }
}
