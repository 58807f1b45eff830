using Blog.Web.Infrastructure;
using Blog.Web.Infrastructure.Limits;
using Blog.Web.Services;
using Blog.Web.Services.Comments;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Comments;

[Authorize]
public sealed class DeleteModel(CommentService comments, ReaderAccess access, PostingLimits limits) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public long Id { get; private set; }

    public string BodyHtml { get; private set; } = "";

    public string? Error { get; private set; }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) => ShowAsync(id, cancellationToken);

    private async Task<IActionResult> ShowAsync(long id, CancellationToken cancellationToken)
    {
        var viewer = await access.StandingAsync(User, cancellationToken);
        var found = await comments.OwnCommentAsync(id, viewer, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        (Id, BodyHtml) = (found.Value.Id, found.Value.BodyHtml);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if (await this.TooFastAsync(limits, PostingAction.Delete) is { } tooFast)
        {
            Error = tooFast;
            return await ShowAsync(id, cancellationToken);
        }

        var viewer = await access.StandingAsync(User, cancellationToken);
        var outcome = await comments.DeleteAsync(id, viewer, cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        StatusMessage = outcome.Message;
        return LocalRedirect($"/articles/{outcome.ArticleSlug}#comments");
    }
}
