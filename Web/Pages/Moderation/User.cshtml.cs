using System.Security.Claims;
using Blog.Web.Domain;
using Blog.Web.Domain.Moderation;
using Blog.Web.Services.Moderation;
using Blog.Web.Services.Settings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Moderation;

/// <summary>A commenter's history and standing, and the sanctions a moderator can apply or lift.</summary>
public sealed class UserModel(ModerationService moderation, BulkModeration bulk, SiteSettingsStore settings, TimeProvider clock) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public UserHistory History { get; private set; } = null!;

    public IReadOnlyDictionary<Queue, int> Counts { get; private set; } = new Dictionary<Queue, int>();

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>A refused sanction: why, and the reason as it was typed.</summary>
    public (string Error, string Reason)? Refusal { get; private set; }

    /// <summary>How many of their comments readers can see now.</summary>
    public int VisibleCount { get; private set; }

    /// <summary>"Reject all their visible comments", refused or waiting to be confirmed, with the ground and note as chosen.</summary>
    public (string Message, bool Confirming, string Ground, string Note)? RejectAll { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var history = await moderation.UserHistoryAsync(id, cancellationToken);
        if (history is null)
        {
            return NotFound();
        }

        History = history;
        Counts = await moderation.CountsAsync(cancellationToken);
        VisibleCount = (await bulk.VisibleCommentsOfAsync(id, cancellationToken)).Count;
        return Page();
    }

    public async Task<IActionResult> OnPostRejectAllAsync(string id, string? ground, string? note, bool confirmed, CancellationToken cancellationToken)
    {
        var outcome = await bulk.RejectAllVisibleAsync(id, ground ?? "", note ?? "", confirmed, User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
        if (outcome.Result.Succeeded)
        {
            StatusMessage = outcome.Result.Message;
            return LocalRedirect($"/moderation/users/{Uri.EscapeDataString(id)}");
        }

        RejectAll = (outcome.Result.Message, outcome.NeedsConfirmation, ground ?? "", note ?? "");
        return await OnGetAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostSanctionAsync(string id, SanctionKind kind, string? duration, DateTime? until, string? reason, CancellationToken cancellationToken)
    {
        TimeSpan? length = duration switch
        {
            "1h" => TimeSpan.FromHours(1),
            "24h" => TimeSpan.FromHours(24),
            "7d" => TimeSpan.FromDays(7),
            _ => null,
        };
        var typed = duration == "custom" ? (await settings.TimeAsync(cancellationToken)).FromInput(until) : new LocalTimeInput(null, null);
        var end = typed.Utc;
        if (kind is SanctionKind.Warning)
        {
            (length, end, typed) = (null, null, new LocalTimeInput(null, null));
        }

        var result = typed.Error is { } skipped ? ModerationResult.Refused(skipped)
            : await moderation.SanctionAsync(id, kind, length, end, reason ?? "", User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
        if (!result.Succeeded)
        {
            Refusal = (result.Message, reason ?? "");
            return await OnGetAsync(id, cancellationToken);
        }

        StatusMessage = result.Message;
        return LocalRedirect($"/moderation/users/{Uri.EscapeDataString(id)}");
    }

    public async Task<IActionResult> OnPostLiftAsync(string id, long sanctionId, CancellationToken cancellationToken)
    {
        StatusMessage = (await moderation.LiftAsync(sanctionId, User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken)).Message;
        return LocalRedirect($"/moderation/users/{Uri.EscapeDataString(id)}");
    }
}
