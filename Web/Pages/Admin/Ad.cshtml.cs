using Blog.Web.Domain;
using Blog.Web.Services.Subscriptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Admin;

/// <summary>One ad: edit, schedule, pause and restart it, see its days, and preview it in every slot.</summary>
public sealed class AdModel(AdService ads, TimeProvider clock) : PageModel
{
    public const int Days = 30;

    [TempData]
    public string? StatusMessage { get; set; }

    public Ad Ad { get; private set; } = null!;

    public AdForm Form { get; private set; } = new();

    public string? Error { get; private set; }

    public IReadOnlyList<AdDailyCount> Counts { get; private set; } = [];

    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Form = AdForm.From(Ad);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromForm] AdForm form, CancellationToken cancellationToken)
    {
        Error = ModelState.IsValid ? await ads.UpdateAsync(id, form.ToInput(clock.GetUtcNow()), cancellationToken) : "The weight is a whole number, and the times dates with a time.";
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
        Counts = await ads.DailyCountsAsync(id, Days, cancellationToken);
        return true;
    }
}
