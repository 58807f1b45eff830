using System.Security.Claims;
using Blog.Web.Domain;
using Blog.Web.Services.Settings;
using Blog.Web.Services.Subscriptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Admin;

public sealed class GiftCodesModel(GiftCodeService giftCodes, SiteSettingsStore settings, TimeProvider clock) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? Error { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public SiteTime Time { get; private set; } = SiteTime.Utc;

    public IReadOnlyList<GiftCodeLine> Codes { get; private set; } = [];

    public sealed class InputModel
    {
        public string? Code { get; set; }

        public string? Label { get; set; }

        public int Days { get; set; } = 30;

        public int Uses { get; set; } = 1;

        public DateTime? Expires { get; set; }
    }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var expires = (await settings.TimeAsync(cancellationToken)).FromInput(Input.Expires);
        var outcome = !ModelState.IsValid ? GiftCodeOutcome.Refused("Days and uses are whole numbers, and the expiry a date and time.")
            : expires.Error is { } skipped ? GiftCodeOutcome.Refused(skipped)
            : await giftCodes.CreateAsync(new GiftCodeInput(Input.Code ?? "", Input.Label ?? "", Input.Days, Input.Uses, expires.Utc),
                User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
        if (!outcome.Succeeded)
        {
            // What the admin typed stays in the form beside the reason.
            Error = outcome.Message;
            await LoadAsync(cancellationToken);
            return Page();
        }

        StatusMessage = outcome.Message;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        Time = await settings.TimeAsync(cancellationToken);
        Codes = await giftCodes.ListAsync(cancellationToken);
    }
}
