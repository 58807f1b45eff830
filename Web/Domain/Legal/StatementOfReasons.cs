namespace Blog.Web.Domain.Legal;

public enum RestrictionKind
{
    CommentRejected = 0,
    CommentRemoved = 1,
    Suspension = 2,
    Ban = 3,
    AlwaysPreModerate = 4,
}

/// <summary>Whether a restriction followed a notice from someone else or was the site's own initiative (DSA art 17(3)(b)).</summary>
public enum RestrictionSource
{
    OwnInitiative = 0,
    Notice = 1,
}

public static class RestrictionText
{
    public static string Describe(this RestrictionKind kind) => kind switch
    {
        RestrictionKind.CommentRejected => "Comment not shown (rejected)",
        RestrictionKind.CommentRemoved => "Comment removed",
        RestrictionKind.Suspension => "Account suspended from commenting",
        RestrictionKind.Ban => "Account banned from commenting",
        _ => "Every comment held for review before publication",
    };

    public static string Describe(this RestrictionSource source) => source == RestrictionSource.Notice
        ? "It followed a notice (a complaint or reports) from someone else."
        : "It was the site's own initiative.";
}

/// <summary>
/// What the author of restricted content is told, at the moment of the restriction (EU Digital Services Act art 17):
/// what was restricted and for how long, the facts, notice or own initiative, automated or not, the ground, and how to
/// appeal. Append-only: a statement is never changed; an appeal's decision is recorded beside it.
/// </summary>
public sealed class StatementOfReasons
{
    /// <summary>How long the author may appeal (DSA art 20(1): at least six months).</summary>
    public static readonly int AppealMonths = 6;

    public long Id { get; set; }

    public string UserId { get; set; } = "";

    public long? CommentId { get; set; }

    public long? SanctionId { get; set; }

    public long? ComplaintId { get; set; }

    public RestrictionKind Kind { get; set; }

    /// <summary>Null: no end (until an appeal or a moderator says otherwise).</summary>
    public DateTimeOffset? Until { get; set; }

    public string Facts { get; set; } = "";

    public RestrictionSource Source { get; set; }

    public bool Automated { get; set; }

    /// <summary>The ground's code (a rejection reason, a regime key, a sanction reason code).</summary>
    public string GroundCode { get; set; } = "";

    /// <summary>The ground in words: the house rule, or the law and its section.</summary>
    public string Ground { get; set; } = "";

    /// <summary>True when the ground is a law rather than a house rule.</summary>
    public bool LegalGround { get; set; }

    /// <summary>The moderator who decided; null when a rule or a statutory clock did.</summary>
    public string? DecidedById { get; set; }

    public DateTimeOffset IssuedAt { get; set; }

    public DateTimeOffset AppealUntil { get; set; }

    public bool CanBeAppealed(DateTimeOffset now) => now <= AppealUntil;
}

public enum AppealOutcome
{
    Pending = 0,
    Upheld = 1,
    Reversed = 2,
}

/// <summary>An author's appeal against one statement of reasons, decided by someone other than who decided first.</summary>
public sealed class Appeal
{
    public long Id { get; set; }

    public long StatementId { get; set; }

    public StatementOfReasons? Statement { get; set; }

    public string UserId { get; set; } = "";

    public string Text { get; set; } = "";

    public DateTimeOffset FiledAt { get; set; }

    public AppealOutcome Outcome { get; set; }

    public string? DecidedById { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>What the author is told about the decision.</summary>
    public string Decision { get; set; } = "";

    /// <summary>
    /// Decides the appeal. Whoever decided the restriction may not decide its appeal (DSA art 20(6)); a rule's or a
    /// clock's restriction may be decided by any moderator.
    /// </summary>
    public void Decide(bool reverse, string decision, string moderatorId, string? firstDeciderId, DateTimeOffset now)
    {
        if (Outcome != AppealOutcome.Pending)
        {
            throw new InvalidOperationException("This appeal has already been decided.");
        }

        if (firstDeciderId is not null && firstDeciderId == moderatorId)
        {
            throw new InvalidOperationException("You made the decision under appeal: another moderator must decide the appeal.");
        }

        if (string.IsNullOrWhiteSpace(decision))
        {
            throw new InvalidOperationException("Give the reasons for the decision: the author is told them.");
        }

        (Outcome, Decision, DecidedById, DecidedAt) = (reverse ? AppealOutcome.Reversed : AppealOutcome.Upheld, decision.Trim(), moderatorId, now);
    }
}
