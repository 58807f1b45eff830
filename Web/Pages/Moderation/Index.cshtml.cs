using System.Security.Claims;
using Blog.Web.Services.Moderation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Moderation;

/// <summary>/moderation: the queues, their filters and keyset pages, and every action on a comment.</summary>
public sealed class IndexModel(ModerationService moderation, BulkModeration bulk, SuppressionOrderService orders) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "queue")]
    public string? QueueName { get; set; }

    [BindProperty(SupportsGet = true, Name = "article")]
    public int? ArticleId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Reason { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Order { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    /// <summary>Where to come back to after an action, when it was taken elsewhere (a comment's own page).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnTo { get; set; }

    /// <summary><c>?select=all</c>: every comment on the page starts selected (select all, without JavaScript).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Select { get; set; }

    public bool SelectAll => Select == "all";

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>A bulk action over more than <see cref="BulkModeration.ConfirmAbove"/> comments, waiting to be confirmed.</summary>
    public (BulkRequest Request, string Message)? Confirmation { get; private set; }

    /// <summary>Where "select all" leads: this view with every box ticked.</summary>
    public string SelectAllUrl => $"/moderation?{ViewQuery(After)}&select=all";

    public QueuePage Queued { get; private set; } = null!;

    public IReadOnlyList<DueOrder> DueOrders { get; private set; } = [];

    public Queue Queue => Enum.TryParse<Queue>(QueueName, ignoreCase: true, out var q) ? q : Queue.Pending;

    /// <summary>Where actions post, carrying the current view so the moderator comes back to it.</summary>
    public string ActionBase => $"/moderation?{ViewQuery(After)}";

    public string NextUrl => $"/moderation?{ViewQuery(Queued.NextCursor)}";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Queued = await moderation.QueueAsync(new QueueFilter(Queue, ArticleId, string.IsNullOrEmpty(Reason) ? null : Reason, Order == "oldest", After), cancellationToken);
        DueOrders = await orders.DueOrdersAsync(cancellationToken);
    }

    public Task<IActionResult> OnPostApproveAsync(long id, CancellationToken cancellationToken) =>
        DoneAsync(moderation.ApproveAsync(id, ModeratorId, cancellationToken));

    public Task<IActionResult> OnPostKeepAsync(long id, CancellationToken cancellationToken) =>
        DoneAsync(moderation.KeepAsync(id, ModeratorId, cancellationToken));

    public Task<IActionResult> OnPostRejectAsync(long id, CancellationToken cancellationToken) =>
        DoneAsync(moderation.RejectAsync(id, Request.Form[$"reason-{id}"].ToString(), Request.Form[$"note-{id}"].ToString(), ModeratorId, cancellationToken));

    public Task<IActionResult> OnPostFeatureAsync(long id, bool featured, CancellationToken cancellationToken) =>
        DoneAsync(moderation.FeatureAsync(id, featured, ModeratorId, cancellationToken));

    public Task<IActionResult> OnPostRestoreAsync(long id, CancellationToken cancellationToken) =>
        DoneAsync(moderation.RestoreAsync(id, ModeratorId, cancellationToken));

    public async Task<IActionResult> OnPostBulkAsync(string? bulkAction, long[] ids, string? bulkReason, string? bulkNote, bool confirmed, CancellationToken cancellationToken)
    {
        var request = new BulkRequest(ids, bulkAction ?? "", bulkReason ?? "", bulkNote ?? "");
        var outcome = await bulk.ApplyAsync(request, confirmed, ModeratorId, cancellationToken);
        if (!outcome.NeedsConfirmation)
        {
            return await DoneAsync(Task.FromResult(outcome.Result));
        }

        Confirmation = (request, outcome.Result.Message);
        await OnGetAsync(cancellationToken);
        return Page();
    }

    private string ModeratorId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private async Task<IActionResult> DoneAsync(Task<ModerationResult> action)
    {
        var result = await action;
        StatusMessage = result.Message;
        return LocalRedirect(ReturnTo is { } back && back.StartsWith("/moderation/", StringComparison.Ordinal) && Url.IsLocalUrl(back)
            ? back
            : $"/moderation?{ViewQuery(After)}");
    }

    private string ViewQuery(string? after)
    {
        var parts = new List<string> { $"queue={Queue.ToString().ToLowerInvariant()}" };
        if (ArticleId is { } article)
        {
            parts.Add($"article={article}");
        }

        if (!string.IsNullOrEmpty(Reason))
        {
            parts.Add($"reason={Uri.EscapeDataString(Reason)}");
        }

        if (Order == "oldest")
        {
            parts.Add("order=oldest");
        }

        if (!string.IsNullOrEmpty(after))
        {
            parts.Add($"after={Uri.EscapeDataString(after)}");
        }

        return string.Join('&', parts);
    }
}
