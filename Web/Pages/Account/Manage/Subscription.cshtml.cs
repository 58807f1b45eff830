using System.Security.Claims;
using Blog.Web.Services.Subscriptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Account.Manage;

public sealed class SubscriptionModel(SubscriptionService subscriptions, StripeBilling stripe, TimeProvider clock) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public SubscriptionOverview Overview { get; private set; } = null!;

    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Overview = await subscriptions.OverviewAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
    }

    public async Task<IActionResult> OnPostCancelAsync(int subscriptionId, CancellationToken cancellationToken)
    {
        var result = await subscriptions.CancelAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, subscriptionId,
            stripe.Enabled ? stripe.CancelAtPeriodEndAsync : null, cancellationToken);
        StatusMessage = result.Message;
        return RedirectToPage();
    }
}
