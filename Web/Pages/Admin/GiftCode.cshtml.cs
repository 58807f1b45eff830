using System.Security.Claims;
using Blog.Web.Services.Subscriptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Admin;

/// <summary>One gift code: its state, stop and restart, and who redeemed it when.</summary>
public sealed class GiftCodeModel(GiftCodeService giftCodes, TimeProvider clock) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public GiftCodeDetail Detail { get; private set; } = null!;

    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await giftCodes.DetailAsync(id, cancellationToken) is not { } detail)
        {
            return NotFound();
        }

        (Detail, Now) = (detail, clock.GetUtcNow());
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(int id, CancellationToken cancellationToken) =>
        Done(await giftCodes.DisableAsync(id, AdminId, cancellationToken), id);

    public async Task<IActionResult> OnPostEnableAsync(int id, CancellationToken cancellationToken) =>
        Done(await giftCodes.EnableAsync(id, AdminId, cancellationToken), id);

    private string AdminId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private IActionResult Done(GiftCodeOutcome outcome, int id)
    {
        StatusMessage = outcome.Message;
        return outcome.Succeeded ? RedirectToPage(new { id }) : RedirectToPage("GiftCodes");
    }
}
