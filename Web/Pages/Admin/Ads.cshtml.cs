using Blog.Web.Domain;
using Blog.Web.Services.Settings;
using Blog.Web.Services.Subscriptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Admin;

public sealed class AdsModel(AdService ads, SiteSettingsStore settings, TimeProvider clock) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<Ad> Ads { get; private set; } = [];

    public AdForm Form { get; private set; } = new();

    public string? Error { get; private set; }

    public DateTimeOffset Now => clock.GetUtcNow();

    public SiteTime Time { get; private set; } = SiteTime.Utc;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Ads = await ads.AllAsync(cancellationToken);
        Time = await settings.TimeAsync(cancellationToken);
        Form.Time = Time;
    }

    public async Task<IActionResult> OnPostAddAsync([FromForm] AdForm form, CancellationToken cancellationToken)
    {
        form.Time = await settings.TimeAsync(cancellationToken);
        var (input, invalid) = form.ToInput(clock.GetUtcNow());
        Error = !ModelState.IsValid ? AdForm.Unreadable : invalid ?? await ads.SaveAsync(input!, cancellationToken);
        if (Error is not null)
        {
            await OnGetAsync(cancellationToken);
            Form = form;
            return Page();
        }

        StatusMessage = input!.StartsAt > clock.GetUtcNow() ? "The ad is scheduled." : "The ad is running.";
        return RedirectToPage();
    }
}
