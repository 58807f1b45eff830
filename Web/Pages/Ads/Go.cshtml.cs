using Blog.Web.Domain;
using Blog.Web.Services.Ads;
using Blog.Web.Services.Settings;
using Blog.Web.Services.Subscriptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Ads;

/// <summary>An ad's link: counts the click for the day (nothing about the reader) and sends them where the ad leads.</summary>
public sealed class GoModel(AdService ads, AdCounter counter, SiteSettingsStore settings) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await ads.FindAsync(id, cancellationToken) is not { } ad)
        {
            return NotFound();
        }

        counter.Record(id, AdEvent.Click, await settings.TimeAsync(cancellationToken));
        Response.Headers.CacheControl = "no-store";
        // The link was checked when the ad was saved: a path on this site, or an https address without a query.
        return ad.LinkUrl.StartsWith('/') ? LocalRedirect(ad.LinkUrl) : Redirect(ad.LinkUrl);
    }
}
