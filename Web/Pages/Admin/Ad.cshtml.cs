using Blog.Web.Domain;
using Blog.Web.Services.Settings;
using Blog.Web.Services.Subscriptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Admin;

/// <summary>One ad: edit, schedule, pause and restart it, see its days, and preview it in every slot.</summary>
public sealed class AdModel(AdService ads, SiteSettingsStore settings, TimeProvider clock) : PageModel
{
    public const int Days = 30;

    [TempData]
    public string? StatusMessage { get; set; }

    public Ad Ad { get; private set; } = null!;

    public AdForm Form { get; private set; } = new();

    public string? Error { get; private set; }

    public IReadOnlyList<AdDailyCount> Counts { get; private set; } = [];

    public DateTimeOffset Now => clock.GetUtcNow();

    public SiteTime Time { get; private set; } = SiteTime.Utc;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Form = AdForm.From(Ad, Time);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromForm] AdForm form, CancellationToken cancellationToken)
    {
        form.Time = await settings.TimeAsync(cancellationToken);
        var (input, invalid) = form.ToInput(clock.GetUtcNow());
        Error = !ModelState.IsValid ? AdForm.Unreadable : invalid ?? await ads.UpdateAsync(id, input!, cancellationToken);
        if (Error is null)
        {
            StatusMessage = "The ad is saved.";
            return LocalRedirect($"/admin/ads/{id}");
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Form = form;
        return Page();
    }

    public async Task<IActionResult> OnPostPauseAsync(int id, bool paused, CancellationToken cancellationToken)
    {
        StatusMessage = await ads.SetPausedAsync(id, paused, cancellationToken);
        return LocalRedirect($"/admin/ads/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await ads.FindAsync(id, cancellationToken) is not { } ad)
        {
            return false;
        }

        Ad = ad;
        Time = await settings.TimeAsync(cancellationToken);
        Counts = await ads.DailyCountsAsync(id, Days, cancellationToken);
        return true;
    }
}
