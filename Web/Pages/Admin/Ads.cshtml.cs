using Blog.Web.Domain;
using Blog.Web.Services.Subscriptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Admin;

public sealed class AdsModel(AdService ads, TimeProvider clock) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<Ad> Ads { get; private set; } = [];

    public AdInput Input { get; private set; } = new("", "", "/subscribe", "", AdSlot.Header, default, null, 1, false);

    public string? Error { get; private set; }

    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task OnGetAsync(CancellationToken cancellationToken) => Ads = await ads.AllAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(string? name, string? text, string? link, string? image, AdSlot slot, int weight,
        DateTime? starts, DateTime? ends, bool sponsored, CancellationToken cancellationToken)
    {
        Input = new AdInput(name ?? "", text ?? "", link ?? "", image ?? "", slot,
            starts.AsUtc() ?? clock.GetUtcNow(),
            ends.AsUtc(), Math.Clamp(weight, 1, 100), sponsored);
        Error = await ads.SaveAsync(Input, cancellationToken);
        if (Error is not null)
        {
            await OnGetAsync(cancellationToken);
            return Page();
        }

        StatusMessage = "The ad is running.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostStopAsync(int adId, CancellationToken cancellationToken)
    {
        await ads.StopAsync(adId, cancellationToken);
        StatusMessage = "The ad is stopped.";
        return RedirectToPage();
    }
}
