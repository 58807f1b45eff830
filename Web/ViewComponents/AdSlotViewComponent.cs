using Blog.Web.Domain;
using Blog.Web.Services;
using Blog.Web.Services.Subscriptions;
using Microsoft.AspNetCore.Mvc;

namespace Blog.Web.ViewComponents;

/// <summary>An ad as drawn in a slot; a preview (in the admin) links straight to its page and is not counted.</summary>
public sealed record AdView(AdSlot Slot, Ad Ad, bool Preview = false)
{
    /// <summary>Where a reader's click goes: through the local redirect that counts it.</summary>
    public string Href => Preview ? Ad.LinkUrl : $"/ads/{Ad.Id}/go";

    /// <summary>The counter the slot loads when it is shown, or null for a preview.</summary>
    public string? SeenUrl => Preview ? null : $"/ads/{Ad.Id}/seen";
}

/// <summary>
/// One ad slot. For subscribers, editors and admins it renders nothing at all (no markup, not hidden markup);
/// for everyone else a first-party ad, with its space reserved so the page does not jump.
/// </summary>
public sealed class AdSlotViewComponent(ReaderAccess access, AdService ads) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(AdSlot slot)
    {
        var reader = await access.StandingAsync(UserClaimsPrincipal, HttpContext.RequestAborted);
        if (Entitlements.AdFree(reader.IsStaff, reader.IsSubscriber))
        {
            return Content("");
        }

        var ad = await ads.ForSlotAsync(slot, HttpContext.RequestAborted);
        return ad is null ? Content("") : View(new AdView(slot, ad));
    }
}
