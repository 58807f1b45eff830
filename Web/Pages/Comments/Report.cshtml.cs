using Blog.Web.Domain;
using Blog.Web.Domain.Moderation;
using Blog.Web.Infrastructure;
using Blog.Web.Infrastructure.Limits;
using Blog.Web.Services;
using Blog.Web.Services.Comments;
using Blog.Web.Services.Moderation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Comments;

/// <summary>Any signed-in reader flags a comment, once, with a reason.</summary>
[Authorize]
public sealed class ReportModel(CommentService comments, ModerationService moderation, ReaderAccess access, PostingLimits limits) : PageModel
{
    [BindProperty]
    public ReportReason Reason { get; set; } = ReportReason.Abuse;

    [BindProperty]
    public string Details { get; set; } = "";

    [TempData]
    public string? StatusMessage { get; set; }

    public long Id { get; private set; }

    public string BodyHtml { get; private set; } = "";

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (await this.TooFastAsync(limits, PostingAction.Report) is { } tooFast)
        {
            Error = tooFast;
            return Page();
        }

        var viewer = await access.StandingAsync(User, cancellationToken);
        var result = await moderation.ReportAsync(id, viewer.UserId!, Reason, Details, cancellationToken);
        if (!result.Succeeded)
        {
            Error = result.Message;
            return Page();
        }

        StatusMessage = result.Message;
        return LocalRedirect(await comments.LocationAsync(id, viewer, cancellationToken));
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var viewer = await access.StandingAsync(User, cancellationToken);
        var view = await comments.PermalinkAsync(id, viewer, cancellationToken);
        if (view?.Target is not { Row.BodyHtml: { } html } node || !node.Row.Status.IsVisible())
        {
            return false;
        }

        (Id, BodyHtml) = (id, html);
        return true;
    }
}
