using System.Security.Claims;
using Blog.Web.Services.Subscriptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Admin;

public sealed class GiftCodesModel(SubscriptionService subscriptions) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<GiftCodeLine> Codes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Codes = await subscriptions.GiftCodesAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(int days, int uses, DateTime? expires, CancellationToken cancellationToken)
    {
        if (days is < 1 or > 3660 || uses is < 1 or > 100_000)
        {
            StatusMessage = "A code gives 1 to 3,660 days, for 1 to 100,000 uses.";
            return RedirectToPage();
        }

        var code = await subscriptions.CreateGiftCodeAsync(days, uses,
            expires.AsUtc(), User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
        StatusMessage = $"Created {code}: {days} days, {uses} {(uses == 1 ? "use" : "uses")}.";
        return RedirectToPage();
    }
}
