using Blog.Web.Infrastructure;
using Blog.Web.Infrastructure.Limits;
using Blog.Web.Services;
using Blog.Web.Services.Comments;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Comments;

/// <summary>POST only: recommend a comment, or take the recommendation back.</summary>
[Authorize]
public sealed class RecommendModel(CommentService comments, ReaderAccess access, PostingLimits limits) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public IActionResult OnGet(long id) => LocalRedirect($"/comments/{id}");

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        var viewer = await access.StandingAsync(User, cancellationToken);
        if (await limits.WaitBeforeAsync(PostingAction.Recommend, HttpContext) is { } wait)
        {
            // Nothing was typed: back to the comment, told why nothing changed.
            StatusMessage = PostingLimits.Message(PostingAction.Recommend, PostingLimits.WholeSeconds(wait), textKept: false);
            return LocalRedirect(await comments.LocationAsync(id, viewer, cancellationToken));
        }

        var outcome = await comments.ToggleRecommendationAsync(id, viewer, cancellationToken);
        if (outcome.Result == CommentResult.NotFound)
        {
            return NotFound();
        }

        StatusMessage = outcome.Message;
        return LocalRedirect(await comments.LocationAsync(id, viewer, cancellationToken));
    }
}
