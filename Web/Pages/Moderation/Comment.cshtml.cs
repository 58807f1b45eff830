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

    /// <summary>The queue page's handlers take the actions; they come back here.</summary>
    public string ActionBase => $"/moderation?returnTo={Uri.EscapeDataString($"/moderation/comments/{RouteData.Values["id"]}")}";

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
}
