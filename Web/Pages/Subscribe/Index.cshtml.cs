using System.Security.Claims;
using Blog.Web.Configuration;
using Blog.Web.Domain;
using Blog.Web.Infrastructure;
using Blog.Web.Services.Settings;
using Blog.Web.Services.Subscriptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Blog.Web.Pages.Subscribe;

/// <summary>Plans, card checkout and gift codes. Posts are rate-limited: gift codes must not be guessable by brute force.</summary>
[EnableRateLimiting(BlogServices.AccountPostsPolicy)]
public sealed class IndexModel(SubscriptionService subscriptions, StripeBilling stripe, SiteSettingsStore settings) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<PlanOption> Plans => subscriptions.Plans;

    public bool CardPayments => stripe.Enabled;

    public SiteSettings Site { get; private set; } = null!;

    public SubscriptionOverview? Overview { get; private set; }

    public string? Error { get; private set; }

    public string Code { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Site = await settings.CurrentAsync(cancellationToken);
        if (UserId is { } id)
        {
            Overview = await subscriptions.OverviewAsync(id, cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostRedeemAsync(string? code, CancellationToken cancellationToken)
    {
        if (UserId is null)
        {
            return Challenge();
        }

        var result = await subscriptions.RedeemAsync(UserId!, code ?? "", cancellationToken);
        if (!result.Succeeded)
        {
            // The page comes back with the reason and the code as typed.
            (Error, Code) = (result.Message, code ?? "");
            await OnGetAsync(cancellationToken);
            return Page();
        }

        StatusMessage = result.Message;
        return LocalRedirect("/account/manage/subscription");
    }

    public async Task<IActionResult> OnPostCheckoutAsync(string? plan, CancellationToken cancellationToken)
    {
        if (UserId is null)
        {
            return Challenge();
        }

        var chosen = Plans.FirstOrDefault(p => p.Id == plan);
        if (!stripe.Enabled || chosen is null || string.IsNullOrEmpty(chosen.StripePriceId))
        {
            Error = "That plan cannot be bought by card right now.";
            await OnGetAsync(cancellationToken);
            return Page();
        }

        var email = User.FindFirstValue(ClaimTypes.Email) ?? User.Identity?.Name ?? "";
        var url = await stripe.CreateCheckoutAsync(UserId!, email, chosen,
            Url.Page("/Subscribe/Success")!, Url.Page("/Subscribe/Cancelled")!, cancellationToken);
        return Redirect(url);
    }

    private string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);
}
