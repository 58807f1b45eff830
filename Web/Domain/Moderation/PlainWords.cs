namespace Blog.Web.Domain.Moderation;

/// <summary>
/// What moderators and authors read in place of the codes stored on comments and decisions: one home, so the queue,
/// its filters, the comment pages and the log never show "first-comments" or "HeldOnReports".
/// </summary>
public static class PlainWords
{
    private static readonly IReadOnlyDictionary<string, string> Reasons = new Dictionary<string, string>
    {
        ["published"] = "Published",
        ["default"] = "nothing held it",
        ["thread-closed"] = "Thread closed",
        ["sanction"] = "Author banned or suspended",
        ["flood"] = "Posting too fast or repeating",
        ["banned-words"] = "Contains a banned word",
        ["suppression"] = "Possible suppression breach",
        ["pre-moderation"] = "Pre-moderated",
        ["article-pre-moderated"] = "Article is pre-moderated",
        ["sub-judice"] = "Active proceedings (sub judice)",
        ["site-pre-moderated"] = "Whole site is pre-moderated",
        ["author-pre-moderated"] = "Author is always pre-moderated",
        ["first-comments"] = "One of the author's first comments",
        ["links"] = "Too many links",
        ["suspect-words"] = "Contains a word to check",
        ["reported"] = "Reported by several readers",
        ["report-opened"] = "Report first opened",
        ["kept"] = "Kept up after review",
        ["approved"] = "Approved",
        ["restored"] = "Restored",
        ["featured"] = "Featured",
        ["unfeatured"] = "Unfeatured",
        ["Warning"] = "Warning",
        ["AlwaysPreModerate"] = "Always pre-moderate",
        ["Suspension"] = "Suspension",
        ["Ban"] = "Ban",
    };

    /// <summary>A reason or rule code in words; a rejection ground in its own words; an order's code as "order #N".</summary>
    public static string Reason(string? code) =>
        string.IsNullOrEmpty(code) ? ""
        : Reasons.TryGetValue(code, out var text) ? text
        : ModerationReasons.Rejection.TryGetValue(code, out var ground) ? ground
        : code.StartsWith("order-", StringComparison.Ordinal) ? $"Suppression order #{code["order-".Length..]}"
        : code;

    public static string Action(ModerationAction action) => action switch
    {
        ModerationAction.Routed => "New or edited comment routed",
        ModerationAction.Approved => "Approved",
        ModerationAction.Rejected => "Rejected",
        ModerationAction.Restored => "Restored",
        ModerationAction.Featured => "Featured",
        ModerationAction.Unfeatured => "Unfeatured",
        ModerationAction.HeldOnReports => "Hidden after reports",
        ModerationAction.Sanctioned => "Sanction",
        ModerationAction.SanctionLifted => "Sanction lifted",
        ModerationAction.CommentsClosed => "Comments closed",
        ModerationAction.CommentsReopened => "Comments reopened",
        ModerationAction.PreModerationOn => "Pre-moderation on",
        ModerationAction.PreModerationOff => "Pre-moderation off",
        ModerationAction.ReportSeen => "Report first seen",
        ModerationAction.HeldForSuppression => "Held: possible suppression breach",
        ModerationAction.OrderRecorded => "Suppression order recorded",
        ModerationAction.OrderChanged => "Suppression order changed",
        ModerationAction.OrderLifted => "Suppression order lifted",
        ModerationAction.Kept => "Kept up after reports",
        ModerationAction.RemovedOnComplaint => "Removed after a legal complaint",
        ModerationAction.Reinstated => "Reinstated after a legal complaint",
        ModerationAction.AppealUpheld => "Appeal decided: restriction stands",
        ModerationAction.AppealReversed => "Appeal decided: restriction reversed",
        _ => action.ToString(),
    };

    public static string Status(CommentStatus? status) => status switch
    {
        null => "new",
        CommentStatus.Pending => "held",
        CommentStatus.Published => "published",
        CommentStatus.Approved => "approved",
        CommentStatus.Rejected => "rejected",
        CommentStatus.Withdrawn => "deleted by author",
        CommentStatus.Removed => "removed",
        _ => status.ToString()!,
    };
}
