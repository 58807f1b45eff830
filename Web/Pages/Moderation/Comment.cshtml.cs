using System.Security.Claims;
using Blog.Web.Services.Moderation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Moderation;

/// <summary>One comment in full context. Opening it records when the site first knew of a reported comment.</summary>
public sealed class CommentModel(ModerationService moderation) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public QueueItem Item { get; private set; } = null!;

    public IReadOnlyList<DecisionLine> Decisions { get; private set; } = [];

    public IReadOnlyDictionary<Queue, int> Counts { get; private set; } = new Dictionary<Queue, int>();

    public string ActionBase => $"/moderation/comments/{RouteData.Values["id"]}?view=1";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        await moderation.RecordOpenedAsync(id, User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
        var item = await moderation.ItemAsync(id, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        Item = item;
        Decisions = await moderation.DecisionsForCommentAsync(id, cancellationToken);
        Counts = await moderation.CountsAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostApproveAsync(long id, CancellationToken cancellationToken) => DoneAsync(id, moderation.ApproveAsync(id, ModeratorId, cancellationToken));

    public Task<IActionResult> OnPostRejectAsync(long id, CancellationToken cancellationToken) =>
        DoneAsync(id, moderation.RejectAsync(id, Request.Form[$"reason-{id}"].ToString(), Request.Form[$"note-{id}"].ToString(), ModeratorId, cancellationToken));

    public Task<IActionResult> OnPostFeatureAsync(long id, bool featured, CancellationToken cancellationToken) => DoneAsync(id, moderation.FeatureAsync(id, featured, ModeratorId, cancellationToken));

    public Task<IActionResult> OnPostRestoreAsync(long id, CancellationToken cancellationToken) => DoneAsync(id, moderation.RestoreAsync(id, ModeratorId, cancellationToken));

    private string ModeratorId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private async Task<IActionResult> DoneAsync(long id, Task<ModerationResult> action)
    {
        StatusMessage = (await action).Message;
        return LocalRedirect($"/moderation/comments/{id}");
    }
}
