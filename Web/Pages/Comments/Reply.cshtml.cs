using Blog.Web.Domain;
using Blog.Web.Infrastructure;
using Blog.Web.Infrastructure.Limits;
using Blog.Web.Services;
using Blog.Web.Services.Comments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Comments;

/// <summary>Replying without JavaScript: the comment, then the box. With JavaScript the box opens under the comment and posts here.</summary>
public sealed class ReplyModel(CommentService comments, ReaderAccess access, PostingLimits limits) : PageModel
{
    [BindProperty]
    public CommentInput Input { get; set; } = new();

    [BindProperty]
    public string? Command { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public PermalinkView View { get; private set; } = null!;

    public CommentContext Context { get; private set; } = null!;

    public CommentFormModel Form { get; private set; } = null!;

    public Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) => ShowAsync(id, null, null, cancellationToken);

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        var previewing = Command == "preview";
        if (await this.TooFastAsync(limits, previewing ? PostingAction.Preview : PostingAction.Comment) is { } tooFast)
        {
            ModelState.Clear();
            return await ShowAsync(id, tooFast, null, cancellationToken);
        }

        var viewer = await access.StandingAsync(User, cancellationToken);
        if (previewing)
        {
            ModelState.Clear();
            var preview = await comments.PreviewAsync(Input.Body, viewer, cancellationToken);
            return await ShowAsync(id, preview.Error, preview.Html, cancellationToken);
        }

        var outcome = await comments.SubmitAsync(null, id, Input.Body, Input.IdempotencyKey, viewer, cancellationToken);
        if (!outcome.Succeeded)
        {
            this.AnswerBusy(outcome);
            // Shown again with the reason and the text; a comment that has gone is a 404.
            return await ShowAsync(id, outcome.Message, null, cancellationToken);
        }

        StatusMessage = outcome.Message;
        return LocalRedirect(await comments.LocationAsync(outcome.CommentId, viewer, cancellationToken));
    }

    private async Task<IActionResult> ShowAsync(long id, string? error, string? preview, CancellationToken cancellationToken)
    {
        var viewer = await access.StandingAsync(User, cancellationToken);
        var view = await comments.PermalinkAsync(id, viewer, cancellationToken);
        if (view is null || !view.Target.Row.Status.IsVisible())
        {
            // Only a visible comment can be answered (an author still sees their own held or removed ones).
            return NotFound();
        }

        View = view;
        Context = new CommentContext(viewer, false, false, view.EditWindow, view.Now, view.Time, Highlight: id);
        Form = new CommentFormModel($"/comments/{id}/reply", Input, "Post reply", error, preview, IdPrefix: "reply", ReplyingTo: id);
        return Page();
    }
}
