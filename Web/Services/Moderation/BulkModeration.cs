using Blog.Web.Data;
using Blog.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Blog.Web.Services.Moderation;

/// <summary>One decision for many comments: the same approval, or the same rejection on one ground.</summary>
public sealed record BulkRequest(IReadOnlyList<long> Ids, string Action, string ReasonCode, string Note)
{
    public const string Approve = "approve";
    public const string Reject = "reject";

    public bool Rejects => Action == Reject;
}

public sealed record BulkOutcome(ModerationResult Result, bool NeedsConfirmation = false)
{
    public static implicit operator BulkOutcome(ModerationResult result) => new(result);
}

/// <summary>
/// Decisions taken on many comments at once. Each comment still goes through the moderation service's own decision
/// (its rules, its record, its reasons); a batch of more than <see cref="ConfirmAbove"/> is confirmed first, and a
/// commenter's every visible comment always is.
/// </summary>
public sealed class BulkModeration(BlogDbContext db, ModerationService moderation)
{
    public const int ConfirmAbove = 20;

    public static bool NeedsConfirmation(int count) => count > ConfirmAbove;

    public async Task<BulkOutcome> ApplyAsync(BulkRequest request, bool confirmed, string moderatorId, CancellationToken cancellationToken)
    {
        var ids = request.Ids.Distinct().ToList();
        if (ids.Count == 0)
        {
            return ModerationResult.Refused("Select at least one comment first.");
        }

        if (request.Action is not (BulkRequest.Approve or BulkRequest.Reject))
        {
            return ModerationResult.Refused("Choose approve or reject.");
        }

        if (request.Rejects && ModerationService.RejectionRefusal(request.ReasonCode, request.Note) is { } refusal)
        {
            return refusal;
        }

        if (NeedsConfirmation(ids.Count) && !confirmed)
        {
            return new BulkOutcome(ModerationResult.Refused($"{Verb(request)} {ids.Count} comments at once? Confirm to go ahead."), NeedsConfirmation: true);
        }

        var done = 0;
        var refused = new List<string>();
        foreach (var id in ids)
        {
            var result = request.Rejects
                ? await moderation.RejectAsync(id, request.ReasonCode, request.Note, moderatorId, cancellationToken)
                : await moderation.ApproveAsync(id, moderatorId, cancellationToken);
            if (result.Succeeded)
            {
                done++;
            }
            else
            {
                refused.Add($"#{id}: {result.Message}");
            }
        }

        var verb = request.Rejects ? "Rejected" : "Approved";
        var counted = $"{verb} {done} comment{(done == 1 ? "" : "s")}.";
        return new ModerationResult(done > 0, refused.Count == 0 ? counted : $"{counted} Not changed: {string.Join(" ", refused.Distinct())}");
    }

    /// <summary>The ids of a commenter's comments that readers can see now, newest first.</summary>
    public Task<List<long>> VisibleCommentsOfAsync(string userId, CancellationToken cancellationToken) =>
        db.Comments.AsNoTracking().Where(c => c.AuthorId == userId).Where(CommentStatusRules.Visible)
            .OrderByDescending(c => c.Id).Select(c => c.Id).ToListAsync(cancellationToken);

    /// <summary>Rejects every visible comment of a commenter on one ground, once the moderator has confirmed the count.</summary>
    public async Task<BulkOutcome> RejectAllVisibleAsync(string userId, string reasonCode, string note, bool confirmed, string moderatorId, CancellationToken cancellationToken)
    {
        var ids = await VisibleCommentsOfAsync(userId, cancellationToken);
        if (ids.Count == 0)
        {
            return ModerationResult.Refused("They have no visible comments to reject.");
        }

        if (ModerationService.RejectionRefusal(reasonCode, note) is { } refusal)
        {
            return refusal;
        }

        return confirmed
            ? await ApplyAsync(new BulkRequest(ids, BulkRequest.Reject, reasonCode, note), confirmed: true, moderatorId, cancellationToken)
            : new BulkOutcome(ModerationResult.Refused($"Reject all {ids.Count} of their visible comments on this ground? Confirm to go ahead."), NeedsConfirmation: true);
    }

    private static string Verb(BulkRequest request) => request.Rejects ? "Reject" : "Approve";
}
