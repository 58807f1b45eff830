namespace Blog.Web.Domain.Moderation;

public enum ModerationAction
{
    /// <summary>The pipeline's decision about a new or edited comment.</summary>
    Routed = 0,
    Approved = 1,
    Rejected = 2,
    Restored = 3,
    Featured = 4,
    Unfeatured = 5,
    /// <summary>Hidden until reviewed because enough readers reported it.</summary>
    HeldOnReports = 6,
    Sanctioned = 7,
    SanctionLifted = 8,
    CommentsClosed = 9,
    CommentsReopened = 10,
    PreModerationOn = 11,
    PreModerationOff = 12,
    /// <summary>A moderator first opened a reported comment: when the host knew of it.</summary>
    ReportSeen = 13,

    /// <summary>A visible comment hidden because a new or changed suppression order's terms match it.</summary>
    HeldForSuppression = 14,

    /// <summary>A suppression order was recorded, changed or lifted (the note says which, and why).</summary>
    OrderRecorded = 15,
    OrderChanged = 16,
    OrderLifted = 17,

    /// <summary>A moderator kept a reported comment up; its reports are cleared.</summary>
    Kept = 18,

    /// <summary>Taken down under a statutory complaint (the note names the complaint and the regime).</summary>
    RemovedOnComplaint = 19,

    /// <summary>Back up after a complaint (a counter-notice's waiting period ended).</summary>
    Reinstated = 20,

    /// <summary>An appeal against a statement of reasons was decided: the restriction stands, or it is reversed.</summary>
    AppealUpheld = 21,
    AppealReversed = 22,
}

/// <summary>
/// One entry of the append-only audit trail: every status change, human or automatic. Never updated, never
/// deleted (the DbContext refuses, and database triggers refuse).
/// </summary>
public sealed class ModerationDecision
{
    public long Id { get; set; }

    public ModerationAction Action { get; set; }

    public long? CommentId { get; set; }

    public int? ArticleId { get; set; }

    /// <summary>The account the decision is about (a comment's author, a sanctioned user).</summary>
    public string? SubjectUserId { get; set; }

    /// <summary>The moderator; null when a rule decided.</summary>
    public string? ActorId { get; set; }

    /// <summary>The rule that decided, for automatic decisions (e.g. "banned-words").</summary>
    public string? Rule { get; set; }

    public CommentStatus? FromStatus { get; set; }

    public CommentStatus? ToStatus { get; set; }

    /// <summary>A code from <see cref="ModerationReasons"/> or a rule's reason code.</summary>
    public string ReasonCode { get; set; } = "";

    /// <summary>What the author is told.</summary>
    public string Note { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The grounds a moderator can reject on; a rejection always has one.</summary>
public static class ModerationReasons
{
    public static readonly IReadOnlyDictionary<string, string> Rejection = new Dictionary<string, string>
    {
        ["abuse"] = "Abusive or harassing",
        ["defamation"] = "Possibly defamatory",
        ["suppression"] = "Breaches a suppression order",
        ["sub-judice"] = "Risks prejudicing a trial (sub judice)",
        ["spam"] = "Spam or advertising",
        ["off-topic"] = "Off topic",
        ["personal-data"] = "Shares someone's personal information",
        ["other"] = "Against the discussion rules",
    };

    public static string Describe(string code) => Rejection.TryGetValue(code, out var text) ? text : code;
}

public enum ReportReason
{
    Spam = 0,
    Abuse = 1,
    Defamation = 2,
    SuppressionOrSubJudice = 3,
    OffTopic = 4,
    Other = 5,
}

/// <summary>A reader's flag on a comment. One open report per reader per comment.</summary>
public sealed class CommentReport
{
    public long Id { get; set; }

    public long CommentId { get; set; }

    public Comment? Comment { get; set; }

    public string ReporterId { get; set; } = "";

    public BlogUser? Reporter { get; set; }

    public ReportReason Reason { get; set; }

    public string Details { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When a moderator decided the comment (approved, rejected), closing the report.</summary>
    public DateTimeOffset? ResolvedAt { get; set; }
}

public static class ReportReasonText
{
    public static string Describe(this ReportReason reason) => reason switch
    {
        ReportReason.Spam => "Spam",
        ReportReason.Abuse => "Abuse or harassment",
        ReportReason.Defamation => "Defamation",
        ReportReason.SuppressionOrSubJudice => "Breaches a suppression order or sub judice",
        ReportReason.OffTopic => "Off topic",
        _ => "Other",
    };
}

public enum SanctionKind
{
    Warning = 0,
    AlwaysPreModerate = 1,
    Suspension = 2,
    Ban = 3,
}

public sealed class UserSanction
{
    public long Id { get; set; }

    public string UserId { get; set; } = "";

    public SanctionKind Kind { get; set; }

    public string Reason { get; set; } = "";

    public string ActorId { get; set; } = "";

    public DateTimeOffset StartsAt { get; set; }

    /// <summary>Null: until lifted.</summary>
    public DateTimeOffset? EndsAt { get; set; }

    public DateTimeOffset? LiftedAt { get; set; }

    /// <summary>In force: started, not ended, not lifted. The one definition, in memory and (below) in SQL.</summary>
    public bool IsActive(DateTimeOffset now) => LiftedAt is null && StartsAt <= now && (EndsAt is null || EndsAt > now);

    public static System.Linq.Expressions.Expression<Func<UserSanction, bool>> ActiveAt(DateTimeOffset now) =>
        s => s.LiftedAt == null && s.StartsAt <= now && (s.EndsAt == null || s.EndsAt > now);
}

public enum WordListKind
{
    /// <summary>A comment containing one is rejected automatically, and the author told why.</summary>
    Banned = 0,
    /// <summary>A comment containing one is held for review.</summary>
    Suspect = 1,
}

public sealed class ModerationWord
{
    public int Id { get; set; }

    public WordListKind Kind { get; set; }

    public string Word { get; set; } = "";
}

public enum SuppressionOrderType
{
    Interim = 0,
    Permanent = 1,
    Statutory = 2,
}

/// <summary>A court's order forbidding publication of names or identifying details (Criminal Procedure Act 2011 ss 200-211).</summary>
public sealed class SuppressionOrder
{
    public int Id { get; set; }

    public int CaseId { get; set; }

    public Case? Case { get; set; }

    public SuppressionOrderType OrderType { get; set; }

    /// <summary>Who is protected, by role, never by name (e.g. "complainant", "defendant").</summary>
    public string ProtectedRole { get; set; } = "";

    /// <summary>Names, aliases, addresses, occupations: one per line.</summary>
    public string Terms { get; set; } = "";

    public DateTimeOffset MadeAt { get; set; }

    public DateTimeOffset? NextAppearance { get; set; }

    /// <summary>Null: permanent. Orders are never lifted automatically otherwise.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    public string EnteredById { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>When an editor lifted the order (a court lifted it, or it was entered in error); never automatic.</summary>
    public DateTimeOffset? LiftedAt { get; set; }

    public string? LiftedById { get; set; }

    public string LiftReason { get; set; } = "";

    /// <summary>In force: made, not expired, not lifted. The one definition, in memory and (below, the same) in SQL.</summary>
    public bool IsActive(DateTimeOffset now) => LiftedAt is null && MadeAt <= now && (ExpiresAt is null || ExpiresAt > now);

    public static System.Linq.Expressions.Expression<Func<SuppressionOrder, bool>> ActiveAt(DateTimeOffset now) =>
        o => o.LiftedAt == null && o.MadeAt <= now && (o.ExpiresAt == null || o.ExpiresAt > now);

    public IEnumerable<string> TermList => LineList.Split(Terms);

    public IEnumerable<SuppressedTerm> SuppressedTerms => TermList.Select(t => new SuppressedTerm(Id, t));

    public void Lift(string editorId, string reason, DateTimeOffset now)
    {
        if (LiftedAt is not null)
        {
            throw new InvalidOperationException("This order has already been lifted.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new InvalidOperationException("Lifting an order needs a reason.");
        }

        (LiftedAt, LiftedById, LiftReason, UpdatedAt) = (now, editorId, reason.Trim(), now);
    }
}

/// <summary>One suppressed term and the order it comes from, so a hit can say which order it breaches.</summary>
public sealed record SuppressedTerm(int OrderId, string Term);
