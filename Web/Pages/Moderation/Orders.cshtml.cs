using System.Security.Claims;
using Blog.Web.Domain;
using Blog.Web.Domain.Moderation;
using Blog.Web.Services.Moderation;
using Blog.Web.Services.Newsroom;
using Blog.Web.Services.Settings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Moderation;

/// <summary>/moderation/orders: record, change and lift suppression orders.</summary>
public sealed class OrdersModel(SuppressionOrderService orders, ModerationService moderation, CaseEditor cases, SiteSettingsStore settings, TimeProvider clock) : PageModel
{
    public sealed class OrderForm
    {
        public int CaseId { get; set; }

        public SuppressionOrderType Type { get; set; } = SuppressionOrderType.Interim;

        public string? Role { get; set; }

        public string? Terms { get; set; }

        public DateTime? MadeAt { get; set; }

        public DateTime? NextAppearance { get; set; }

        public DateTime? ExpiresAt { get; set; }
    }

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>The order being changed (from ?edit=ID), or null to record a new one.</summary>
    [BindProperty(SupportsGet = true, Name = "edit")]
    public int? EditId { get; set; }

    [BindProperty]
    public OrderForm Input { get; set; } = new();

    public IReadOnlyList<SuppressionOrder> Orders { get; private set; } = [];

    public IReadOnlyList<CaseOption> Cases { get; private set; } = [];

    public IReadOnlyDictionary<Queue, int> Counts { get; private set; } = new Dictionary<Queue, int>();

    public DateTimeOffset Now => clock.GetUtcNow();

    public SiteTime Time { get; private set; } = SiteTime.Utc;

    public string? Error { get; private set; }

    /// <summary>A refused lift: which order, and the reason as typed.</summary>
    public (int Id, string Error, string Reason)? LiftRefusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Time = await settings.TimeAsync(cancellationToken);
        if (EditId is { } id)
        {
            if (await orders.FindAsync(id, cancellationToken) is not { LiftedAt: null } order)
            {
                return NotFound();
            }

            Input = new OrderForm
            {
                CaseId = order.CaseId, Type = order.OrderType, Role = order.ProtectedRole, Terms = order.Terms,
                MadeAt = Time.Typed(order.MadeAt), NextAppearance = Time.Typed(order.NextAppearance), ExpiresAt = Time.Typed(order.ExpiresAt),
            };
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Time = await settings.TimeAsync(cancellationToken);
        var (made, next, expires) = (Time.FromInput(Input.MadeAt), Time.FromInput(Input.NextAppearance), Time.FromInput(Input.ExpiresAt));
        var input = new OrderInput(Input.CaseId, Input.Type, Input.Role ?? "", Input.Terms ?? "", made.Utc ?? clock.GetUtcNow(), next.Utc, expires.Utc);
        var result = (made.Error ?? next.Error ?? expires.Error) is { } skipped ? ModerationResult.Refused(skipped)
            : EditId is { } id ? await orders.UpdateAsync(id, input, EditorId, cancellationToken)
            : await orders.AddAsync(input, EditorId, cancellationToken);
        if (!result.Succeeded)
        {
            Error = result.Message;
            await LoadAsync(cancellationToken);
            return Page();
        }

        StatusMessage = result.Message;
        return LocalRedirect("/moderation/orders");
    }

    public async Task<IActionResult> OnPostLiftAsync(int id, string? reason, CancellationToken cancellationToken)
    {
        var result = await orders.LiftAsync(id, reason ?? "", EditorId, cancellationToken);
        if (!result.Succeeded)
        {
            LiftRefusal = (id, result.Message, reason ?? "");
            EditId = null;
            await LoadAsync(cancellationToken);
            return Page();
        }

        StatusMessage = result.Message;
        return LocalRedirect("/moderation/orders");
    }

    private string EditorId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Time = await settings.TimeAsync(cancellationToken);
        Orders = await orders.OrdersAsync(cancellationToken);
        Cases = await cases.OptionsAsync(cancellationToken);
        Counts = await moderation.CountsAsync(cancellationToken);
    }
}
