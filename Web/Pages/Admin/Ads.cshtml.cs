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

    public AdForm Form { get; private set; } = new();

    public string? Error { get; private set; }

    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task OnGetAsync(CancellationToken cancellationToken) => Ads = await ads.AllAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync([FromForm] AdForm form, CancellationToken cancellationToken)
    {
        Form = form;
        Error = ModelState.IsValid ? await ads.SaveAsync(form.ToInput(clock.GetUtcNow()), cancellationToken) : "The weight is a whole number, and the times dates with a time.";
        if (Error is not null)
        {
            await OnGetAsync(cancellationToken);
            return Page();
        }

        StatusMessage = form.Starts.AsUtc() > clock.GetUtcNow() ? "The ad is scheduled." : "The ad is running.";
        return RedirectToPage();
    }
}
