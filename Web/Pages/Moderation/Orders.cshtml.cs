using System.Security.Claims;
using Blog.Web.Domain.Moderation;
using Blog.Web.Services.Moderation;
using Blog.Web.Services.Newsroom;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Moderation;

public sealed class OrdersModel(ModerationService moderation, CaseEditor cases, TimeProvider clock) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<SuppressionOrder> Orders { get; private set; } = [];

    public IReadOnlyList<CaseOption> Cases { get; private set; } = [];

    public IReadOnlyDictionary<Queue, int> Counts { get; private set; } = new Dictionary<Queue, int>();

    public DateTimeOffset Now => clock.GetUtcNow();

    public string? Error { get; private set; }

    /// <summary>What was typed, shown again when the order is refused.</summary>
    public (int CaseId, SuppressionOrderType Type, string Role, string Terms) Posted { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Orders = await moderation.OrdersAsync(cancellationToken);
        Cases = await cases.OptionsAsync(cancellationToken);
        Counts = await moderation.CountsAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(int caseId, SuppressionOrderType type, string? role, string? terms, DateTime? madeAt,
        DateTime? nextAppearance, DateTime? expiresAt, CancellationToken cancellationToken)
    {
        var result = await moderation.AddOrderAsync(caseId, type, role ?? "", terms ?? "", madeAt.AsUtc() ?? clock.GetUtcNow(),
            nextAppearance.AsUtc(), expiresAt.AsUtc(), User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
        if (!result.Succeeded)
        {
            (Error, Posted) = (result.Message, (caseId, type, role ?? "", terms ?? ""));
            await OnGetAsync(cancellationToken);
            return Page();
        }

        StatusMessage = result.Message;
        return LocalRedirect("/moderation/orders");
    }

}
