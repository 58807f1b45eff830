using Blog.Web.Data;
using Blog.Web.Domain;
using Blog.Web.Infrastructure;
using Blog.Web.Infrastructure.Caching;
using Blog.Web.Services.Settings;
using Microsoft.EntityFrameworkCore;

namespace Blog.Web.Services.Subscriptions;

public sealed record AdInput(string Name, string Text, string LinkUrl, string ImagePath, AdSlot Slot, DateTimeOffset StartsAt, DateTimeOffset? EndsAt, int Weight, bool IsSponsored);

/// <summary>
/// House ads: chosen on the server, per slot, from the running ads. The running ads are kept for a few seconds under
/// <see cref="CacheTags.Ads"/>; adding or stopping an ad evicts them (and every cached page, as each shows ads).
/// </summary>
public sealed class AdService(BlogDbContext db, TimeProvider clock, SiteCache cache, SiteSettingsStore settings)
{
    public async Task<Ad?> ForSlotAsync(AdSlot slot, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // An ad that starts or ends within the seconds the list is kept does so on time.
        return AdRotation.Pick((await RunningAsync(cancellationToken)).Where(a => a.Slot == slot && a.IsRunning(now)).ToList(), Random.Shared.NextDouble());
    }

    /// <summary>Whether the ad is showing now: only those are counted when seen.</summary>
    public async Task<bool> IsShowingAsync(int id, CancellationToken cancellationToken) =>
        (await RunningAsync(cancellationToken)).Any(a => a.Id == id && a.IsRunning(clock.GetUtcNow()));

    // The ads running now, kept for a few seconds (a scheduled ad starts within them).
    private Task<List<Ad>> RunningAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return cache.GetOrLoadAsync("ads", [CacheTags.Ads], token =>
            db.Ads.AsNoTracking().Where(Ad.RunningAt(now)).OrderBy(a => a.Id).ToListAsync(token), cancellationToken);
    }

    public Task<List<Ad>> AllAsync(CancellationToken cancellationToken) =>
        db.Ads.AsNoTracking().OrderBy(a => a.Slot).ThenBy(a => a.Name).ToListAsync(cancellationToken);

    public Task<Ad?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Ads.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    /// <summary>An ad's counts, day by day (the newsroom's days), newest first, for the last <paramref name="days"/> days.</summary>
    public async Task<List<AdDailyCount>> DailyCountsAsync(int id, int days, CancellationToken cancellationToken)
    {
        var from = (await settings.TimeAsync(cancellationToken)).Day(clock.GetUtcNow()).AddDays(1 - days);
        return await db.AdDailyCounts.AsNoTracking().Where(c => c.AdId == id && c.Day >= from).OrderByDescending(c => c.Day).ToListAsync(cancellationToken);
    }

    public async Task<string?> SaveAsync(AdInput input, CancellationToken cancellationToken)
    {
        if (Refusal(input) is { } refusal)
        {
            return refusal;
        }

        db.Ads.Add(Apply(new Ad(), input));
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<string?> UpdateAsync(int id, AdInput input, CancellationToken cancellationToken)
    {
        if (Refusal(input) is { } refusal)
        {
            return refusal;
        }

        if (await db.Ads.FirstOrDefaultAsync(a => a.Id == id, cancellationToken) is not { } ad)
        {
            return "That ad no longer exists.";
        }

        Apply(ad, input);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Pauses or restarts an ad; its schedule stays as it was.</summary>
    public async Task<string> SetPausedAsync(int id, bool paused, CancellationToken cancellationToken)
    {
        if (await db.Ads.FirstOrDefaultAsync(a => a.Id == id, cancellationToken) is not { } ad)
        {
            return "That ad no longer exists.";
        }

        if ((ad.PausedAt is not null) == paused)
        {
            return paused ? "The ad is already paused." : "The ad is not paused.";
        }

        ad.PausedAt = paused ? clock.GetUtcNow() : null;
        await db.SaveChangesAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return paused ? "The ad is paused: it shows nowhere until restarted."
            : ad.StateAt(now) switch
            {
                AdState.Scheduled => $"The ad is restarted: it starts on {(await settings.TimeAsync(cancellationToken)).Text(ad.StartsAt)}.",
                AdState.Ended => "The ad is restarted, but its schedule has ended: give it a later end to show it again.",
                _ => "The ad is restarted: it is showing again.",
            };
    }

    private static Ad Apply(Ad ad, AdInput input)
    {
        (ad.Name, ad.Text, ad.LinkUrl, ad.ImagePath) = (input.Name.Trim(), input.Text.Trim(), input.LinkUrl.Trim(), input.ImagePath.Trim());
        (ad.Slot, ad.StartsAt, ad.EndsAt, ad.Weight, ad.IsSponsored) = (input.Slot, input.StartsAt, input.EndsAt, input.Weight, input.IsSponsored);
        return ad;
    }

    private static string? Refusal(AdInput input)
    {
        var tooLong = TextLimits.TooLong(input.Name, TextLimits.AdName, "The name") ?? TextLimits.TooLong(input.Text, TextLimits.AdText, "The text")
            ?? TextLimits.TooLong(input.LinkUrl, TextLimits.AdLink, "The link") ?? TextLimits.TooLong(input.ImagePath, TextLimits.AdImage, "The image path");
        if (tooLong is not null)
        {
            return tooLong;
        }

        if (string.IsNullOrWhiteSpace(input.Name) || string.IsNullOrWhiteSpace(input.Text))
        {
            return "An ad needs a name and a text.";
        }

        if (!IsSafeLink(input.LinkUrl))
        {
            return "The link must be a path on this site starting with a single / (like /subscribe) or an https:// address, with no tracking parameters.";
        }

        if (input.ImagePath.Length > 0 && !input.ImagePath.StartsWith("/images/", StringComparison.Ordinal))
        {
            return "Images come from this site's /images/ folder.";
        }

        if (input.EndsAt <= input.StartsAt)
        {
            return "The end must come after the start.";
        }

        return Enum.IsDefined(input.Slot) ? null : "Choose a slot.";
    }

    public async Task StopAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.Ads.FirstOrDefaultAsync(a => a.Id == id, cancellationToken) is { } ad)
        {
            ad.EndsAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>
    /// A local path starting with a single slash, or an absolute https address without a query string (which is where
    /// trackers ride). Browsers read a backslash as a slash, so "/\evil.example" would leave the site: no backslashes,
    /// white space or control characters anywhere.
    /// </summary>
    public static bool IsSafeLink(string link)
    {
        link = link.Trim();
        if (link.Length == 0 || link.Any(c => c == '\\' || char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return false;
        }

        if (link[0] == '/')
        {
            return link.Length == 1 || link[1] != '/';
        }

        return Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            && uri.Query.Length == 0 && uri.UserInfo.Length == 0 && uri.Host.Length > 0;
    }
}
