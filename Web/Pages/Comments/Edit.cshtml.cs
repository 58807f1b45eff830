using Blog.Web.Infrastructure;
using Blog.Web.Infrastructure.Limits;
using Blog.Web.Services;
using Blog.Web.Services.Comments;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Comments;

[Authorize]
public sealed class EditModel(CommentService comments, ReaderAccess access, PostingLimits limits) : PageModel
{
    [BindProperty]
    public CommentInput Input { get; set; } = new();

    [BindProperty]
    public string? Command { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public EditableComment Comment { get; private set; } = null!;

    public CommentFormModel Form { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var found = await comments.EditableAsync(id, await access.StandingAsync(User, cancellationToken), cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        Input.Body = found.Body;
        return Show(found, null, null);
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        var viewer = await access.StandingAsync(User, cancellationToken);
        var found = await comments.EditableAsync(id, viewer, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        var previewing = Command == "preview";
        if (await this.TooFastAsync(limits, previewing ? PostingAction.Preview : PostingAction.Edit) is { } tooFast)
        {
            ModelState.Clear();
            return Show(found, tooFast, null);
        }

        if (previewing)
        {
            ModelState.Clear();
            var preview = await comments.PreviewAsync(Input.Body, viewer, cancellationToken);
            return Show(found, preview.Error, preview.Html);
        }

        var outcome = await comments.EditAsync(id, Input.Body, viewer, cancellationToken);
        if (!outcome.Succeeded)
        {
            this.AnswerBusy(outcome);
            return outcome.Result == CommentResult.NotFound ? NotFound() : Show(found, outcome.Message, null);
        }

        StatusMessage = outcome.Message;
        return LocalRedirect(await comments.LocationAsync(id, viewer, cancellationToken));
    }

    private PageResult Show(EditableComment found, string? error, string? preview)
    {
        Comment = found;
        Form = new CommentFormModel($"/comments/{found.Id}/edit", Input, "Save changes", error, preview, IdPrefix: "edit");
        return Page();
    }
}
