using Blog.Web.Domain;
using Blog.Web.Services;
using Blog.Web.Services.Ads;
using Blog.Web.Services.Settings;
using Blog.Web.Services.Subscriptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Ads;

/// <summary>
/// The counter an ad slot loads when it is drawn: one impression for the ad today. Nothing about the request is kept;
/// readers who are sent no ads (subscribers, staff) are not counted even if they ask.
/// </summary>
public sealed class SeenModel(AdService ads, AdCounter counter, ReaderAccess access, SiteSettingsStore settings) : PageModel
{
    // The smallest transparent GIF.
    private static readonly byte[] Pixel = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var reader = await access.StandingAsync(User, cancellationToken);
        if (!Entitlements.AdFree(reader.IsStaff, reader.IsSubscriber) && await ads.IsShowingAsync(id, cancellationToken))
        {
            counter.Record(id, AdEvent.Impression, await settings.TimeAsync(cancellationToken));
        }

        Response.Headers.CacheControl = "no-store";
        return File(Pixel, "image/gif");
    }
}
