using System.Security.Claims;
using Blog.Web.Domain.Legal;
using Blog.Web.Services.Legal;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Account.Manage;

/// <summary>
/// /account/complaints: the complaints about the signed-in member's comments; /account/complaints/{reference}: one of
/// them, as its author may read it (the complainant's identity only when they agreed), with the answer forms.
/// </summary>
public sealed class ComplaintsModel(ComplaintService complaints, TimeProvider clock) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty]
    public string CounterNotice { get; set; } = "";

    [BindProperty]
    public bool Declared { get; set; }

    public IReadOnlyList<LegalQueueLine> Lines { get; private set; } = [];

    public ComplaintView? View { get; private set; }

    public string? Error { get; private set; }

    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<IActionResult> OnGetAsync(string? reference, CancellationToken cancellationToken) =>
        await LoadAsync(reference, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostConsentAsync(string reference, CancellationToken cancellationToken) =>
        AnswerAsync(reference, ComplaintAnswer.Consent, cancellationToken);

    public Task<IActionResult> OnPostCounterNoticeAsync(string reference, CancellationToken cancellationToken) =>
        AnswerAsync(reference, ComplaintAnswer.CounterNotice, cancellationToken);

    private async Task<IActionResult> AnswerAsync(string reference, ComplaintAnswer answer, CancellationToken cancellationToken)
    {
        var result = await complaints.AnswerAsync(reference, UserId, answer, CounterNotice, Declared, cancellationToken);
        if (!result.Succeeded)
        {
            Error = result.Message;
            return await LoadAsync(reference, cancellationToken) ? Page() : NotFound();
        }

        StatusMessage = result.Message;
        return RedirectToPage(new { reference });
    }

    private async Task<bool> LoadAsync(string? reference, CancellationToken cancellationToken)
    {
        if (reference is null)
        {
            Lines = await complaints.AboutAuthorAsync(UserId, cancellationToken);
            return true;
        }

        View = await complaints.ForAuthorAsync(reference, UserId, cancellationToken);
        // A complaint the author has not yet been sent is not theirs to read yet (the regime's notice comes first).
        return View is { Complaint.AuthorNotifiedAt: not null };
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
}
