using System.Collections.Concurrent;
using Blog.Web.Data;
using Blog.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Blog.Web.Services.Ads;

/// <summary>
/// Impressions and clicks, added up in this instance's memory and written as per-day totals every few seconds (and
/// when the instance stops), so a page view costs no database write. Each instance writes only its own additions, so
/// several instances add up correctly. Only ads that exist are counted: the keys are bounded by the ads themselves.
/// </summary>
public sealed class AdCounter(TimeProvider clock)
{
    private readonly Lock gate = new();
    private Dictionary<(int AdId, DateOnly Day), (long Impressions, long Clicks)> pending = [];

    public bool HasPending
    {
        get
        {
            lock (gate)
            {
                return pending.Count > 0;
            }
        }
    }

    /// <summary>Counts one impression or click for the ad on today's date at the newsroom (<paramref name="time"/>'s zone).</summary>
    public void Record(int adId, AdEvent kind, SiteTime time) =>
        Add((adId, time.Day(clock.GetUtcNow())), kind == AdEvent.Impression ? 1 : 0, kind == AdEvent.Click ? 1 : 0);

    /// <summary>Writes what was counted since the last write; gives the number of (ad, day) totals changed.</summary>
    public async Task<int> FlushAsync(BlogDbContext db, CancellationToken cancellationToken)
    {
        Dictionary<(int AdId, DateOnly Day), (long Impressions, long Clicks)> taken;
        lock (gate)
        {
            (taken, pending) = (pending, []);
        }

        var written = 0;
        foreach (var ((adId, day), (impressions, clicks)) in taken)
        {
            try
            {
                await AddAsync(db, adId, day, impressions, clicks, cancellationToken);
                written++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                db.ChangeTracker.Clear();
                // An ad deleted meanwhile takes its counts with it; anything else is counted again next time.
                if (await db.Ads.AnyAsync(a => a.Id == adId, cancellationToken))
                {
                    Add((adId, day), impressions, clicks);
                }
            }
        }

        return written;
    }

    private void Add((int AdId, DateOnly Day) key, long impressions, long clicks)
    {
        lock (gate)
        {
            var (i, c) = pending.GetValueOrDefault(key);
            pending[key] = (i + impressions, c + clicks);
        }
    }

    private static async Task AddAsync(BlogDbContext db, int adId, DateOnly day, long impressions, long clicks, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var updated = await db.AdDailyCounts.Where(c => c.AdId == adId && c.Day == day)
                .ExecuteUpdateAsync(c => c.SetProperty(x => x.Impressions, x => x.Impressions + impressions).SetProperty(x => x.Clicks, x => x.Clicks + clicks), cancellationToken);
            if (updated > 0)
            {
                return;
            }

            db.AdDailyCounts.Add(new AdDailyCount { AdId = adId, Day = day, Impressions = impressions, Clicks = clicks });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Another instance wrote the day's first total between the update and the insert: add to it (or, if
                // the ad is gone, the update finds nothing again and the insert fails for good).
                db.ChangeTracker.Clear();
            }
        }
    }
}

/// <summary>Writes the counted impressions and clicks every few seconds, and once more as the instance stops.</summary>
public sealed class AdCountWriter(AdCounter counter, IServiceScopeFactory scopes, TimeProvider clock, ILogger<AdCountWriter> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await WriteAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await WriteAsync(cancellationToken);
    }

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        if (!counter.HasPending)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await counter.FlushAsync(scope.ServiceProvider.GetRequiredService<BlogDbContext>(), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Ad counts could not all be written this time.");
        }
    }
}
