using System.Security.Claims;
using Blog.Web.Domain;
using Blog.Web.Services.Legal;
using Blog.Web.Services.Moderation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Moderation;

/// <summary>
/// /moderation/complaints/{id}: one complaint with its timeline and every message it sent. A complainant's identity
/// they did not agree to share is shown only to Legal staff who ask for it (?identity=show), and each such read is
/// written on the complaint's record.
/// </summary>
public sealed class ComplaintModel(ComplaintService complaints, ModerationService moderation) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty(SupportsGet = true, Name = "identity")]
    public string? Identity { get; set; }

    [BindProperty]
    public string CourtNote { get; set; } = "";

    public ComplaintView View { get; private set; } = null!;

    public IReadOnlyDictionary<Queue, int> Counts { get; private set; } = new Dictionary<Queue, int>();

    /// <summary>The viewer may ask for a withheld identity.</summary>
    public bool MayReadIdentity => User.IsInRole(Roles.Legal);

    /// <summary>The complainant's identity is on this page: agreed to be shared, or read by Legal staff just now.</summary>
    public bool ShowsIdentity { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (Identity == "show" && MayReadIdentity)
        {
            await complaints.RecordIdentityReadAsync(id, User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
            ShowsIdentity = true;
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostCourtActionAsync(long id, CancellationToken cancellationToken)
    {
        var result = await complaints.RecordCourtActionAsync(id, User.FindFirstValue(ClaimTypes.NameIdentifier)!, CourtNote, cancellationToken);
        if (!result.Succeeded)
        {
            Error = result.Message;
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        StatusMessage = result.Message;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        if (await complaints.DetailAsync(id, cancellationToken) is not { } view)
        {
            return false;
        }

        View = view;
        ShowsIdentity |= view.Complaint.IdentityMayBeShared;
        Counts = await moderation.CountsAsync(cancellationToken);
        return true;
    }
}
