using Blog.Web.Data;
using Blog.Web.Domain;
using Blog.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Blog.Web.Infrastructure.Caching;

namespace Blog.Web.Services.Subscriptions;

public sealed record AdInput(string Name, string Text, string LinkUrl, string ImagePath, AdSlot Slot, DateTimeOffset StartsAt, DateTimeOffset? EndsAt, int Weight, bool IsSponsored);

/// <summary>
/// House ads: chosen on the server, per slot, from the running ads. The running ads are kept for a few seconds under
/// <see cref="CacheTags.Ads"/>; adding or stopping an ad evicts them (and every cached page, as each shows ads).
/// </summary>
public sealed class AdService(BlogDbContext db, TimeProvider clock, SiteCache cache)
{
    public async Task<Ad?> ForSlotAsync(AdSlot slot, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var running = await cache.GetOrLoadAsync("ads", [CacheTags.Ads], token =>
            db.Ads.AsNoTracking().Where(a => a.StartsAt <= now && (a.EndsAt == null || a.EndsAt > now) && a.Weight > 0)
                .OrderBy(a => a.Id).ToListAsync(token), cancellationToken);

        // An ad that starts or ends within those seconds does so on time.
        return AdRotation.Pick(running.Where(a => a.Slot == slot && a.StartsAt <= now && (a.EndsAt == null || a.EndsAt > now)).ToList(), Random.Shared.NextDouble());
    }

    public Task<List<Ad>> AllAsync(CancellationToken cancellationToken) =>
        db.Ads.AsNoTracking().OrderBy(a => a.Slot).ThenBy(a => a.Name).ToListAsync(cancellationToken);

    public async Task<string?> SaveAsync(AdInput input, CancellationToken cancellationToken)
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

        db.Ads.Add(new Ad
        {
            Name = input.Name.Trim(), Text = input.Text.Trim(), LinkUrl = input.LinkUrl.Trim(), ImagePath = input.ImagePath.Trim(), Slot = input.Slot,
            StartsAt = input.StartsAt, EndsAt = input.EndsAt, Weight = input.Weight, IsSponsored = input.IsSponsored,
        });
        await db.SaveChangesAsync(cancellationToken);
        return null;
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
