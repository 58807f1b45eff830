using System.Security.Claims;
using Blog.Web.Services.Legal;
using Blog.Web.Services.Moderation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Moderation;

/// <summary>/moderation/appeals: appeals waiting for a decision, each by someone other than who decided first.</summary>
public sealed class AppealsModel(Statements statements, ModerationService moderation) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<AppealLine> Pending { get; private set; } = [];

    public IReadOnlyDictionary<Queue, int> Counts { get; private set; } = new Dictionary<Queue, int>();

    public string ViewerId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    /// <summary>A refused decision: which appeal, why, and the reasons as typed.</summary>
    public (long Id, string Error, string Reasons)? Refusal { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(long id, string decision, string reasons, CancellationToken cancellationToken)
    {
        var result = await statements.DecideAsync(id, decision == "reverse", reasons ?? "", ViewerId, cancellationToken);
        if (!result.Succeeded)
        {
            Refusal = (id, result.Message, reasons ?? "");
            await LoadAsync(cancellationToken);
            return Page();
        }

        StatusMessage = result.Message;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Pending = await statements.PendingAppealsAsync(cancellationToken);
        Counts = await moderation.CountsAsync(cancellationToken);
    }
}
