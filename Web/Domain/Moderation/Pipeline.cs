using System.Text.RegularExpressions;

namespace Blog.Web.Domain.Moderation;

/// <summary>What the author's record says at the moment they post.</summary>
public sealed record AuthorStanding(
    bool IsStaff,
    DateTimeOffset? BannedSince,
    DateTimeOffset? SuspendedUntil,
    bool AlwaysPreModerate,
    int PublishedCommentCount,
    IReadOnlyList<RecentComment> RecentComments)
{
    public static AuthorStanding Staff => new(true, null, null, false, int.MaxValue, []);
}

public sealed record RecentComment(string Body, DateTimeOffset CreatedAt);

/// <summary>The site's moderation settings, as the phases need them.</summary>
public sealed record ModerationSettings(
    bool SitePreModerated = false,
    int FirstCommentsHeld = 1,
    int MaxLinks = 2,
    int DuplicateWindowMinutes = 10,
    int FloodWindowMinutes = 5,
    int FloodMaxComments = 5,
    SiteTime? Time = null);

/// <summary>Everything the pipeline needs, explicit, including <see cref="Now"/>.</summary>
public sealed record ModerationInput(
    string Body,
    AuthorStanding Author,
    ThreadSettings Thread,
    ProceedingsStatus? CaseStatus,
    IReadOnlyList<SuppressedTerm> SuppressedTerms,
    IReadOnlyList<string> BannedWords,
    IReadOnlyList<string> SuspectWords,
    ModerationSettings Settings,
    DateTimeOffset Now,
    bool IsEdit = false);

public enum RoutingKind
{
    /// <summary>Not stored at all; the author is told why and keeps their text.</summary>
    Refused,
    /// <summary>Stored with <see cref="RoutingDecision.Status"/>.</summary>
    Stored,
}

/// <summary>What a phase decided: refuse, or store with a status; with a reason code and words for the author.</summary>
public sealed record RoutingDecision(RoutingKind Kind, CommentStatus Status, string Rule, string ReasonCode, string Message)
{
    public static RoutingDecision Refuse(string rule, string message) => new(RoutingKind.Refused, CommentStatus.Pending, rule, rule, message);

    public static RoutingDecision Hold(string rule, string message) => new(RoutingKind.Stored, CommentStatus.Pending, rule, rule, message);

    public static RoutingDecision Reject(string rule, string message) => new(RoutingKind.Stored, CommentStatus.Rejected, rule, rule, message);

    /// <summary>For a possible suppression breach: the order and term that matched (shown to moderators only).</summary>
    public SuppressedTerm? Suppression { get; init; }

    public static readonly RoutingDecision Publish = new(RoutingKind.Stored, CommentStatus.Published, "default", "published", "Your comment is published.");
}

/// <summary>One small, pure rule. Returns null when it has nothing to say, so the next phase decides.</summary>
public interface IModerationPhase
{
    string Name { get; }

    /// <summary>Staff comments skip the content phases (banned words to suspect words).</summary>
    bool AppliesToStaff { get; }

    RoutingDecision? Decide(ModerationInput input);
}

/// <summary>
/// What status a new comment gets: an ordered pipeline of small phases; the first that decides wins (the Coral
/// Talk model). The order is the policy: closed threads and sanctions before content, legal risk before
/// house rules, holding before publishing.
/// </summary>
public static class ModerationPipeline
{
    public static readonly IReadOnlyList<IModerationPhase> Phases =
    [
        new ThreadClosedPhase(),
        new SanctionPhase(),
        new FloodPhase(),
        new BannedWordsPhase(),
        new SuppressedTermsPhase(),
        new PreModerationPhase(),
        new LinksPhase(),
        new SuspectWordsPhase(),
    ];

    public static RoutingDecision Route(ModerationInput input)
    {
        foreach (var phase in Phases)
        {
            if (input.Author.IsStaff && !phase.AppliesToStaff)
            {
                continue;
            }

            if (phase.Decide(input) is { } decision)
            {
                return decision;
            }
        }

        return RoutingDecision.Publish;
    }
}

public sealed class ThreadClosedPhase : IModerationPhase
{
    public string Name => "thread-closed";

    public bool AppliesToStaff => true;

    public RoutingDecision? Decide(ModerationInput input) =>
        !input.IsEdit && input.Thread.IsClosed(input.Now) ? RoutingDecision.Refuse(Name, "Comments are closed.") : null;
}

public sealed class SanctionPhase : IModerationPhase
{
    public string Name => "sanction";

    public bool AppliesToStaff => false;

    public RoutingDecision? Decide(ModerationInput input) => input.Author switch
    {
        { BannedSince: not null } => RoutingDecision.Refuse(Name, "Your account is banned from commenting."),
        { SuspendedUntil: { } until } when until > input.Now => RoutingDecision.Refuse(Name, $"You are suspended until {(input.Settings.Time ?? SiteTime.Utc).LongText(until)}."),
        _ => null,
    };
}

public sealed class FloodPhase : IModerationPhase
{
    public string Name => "flood";

    public bool AppliesToStaff => false;

    public RoutingDecision? Decide(ModerationInput input)
    {
        if (input.IsEdit)
        {
            return null;
        }

        var body = Normalise(input.Body);
        var duplicateSince = input.Now.AddMinutes(-input.Settings.DuplicateWindowMinutes);
        if (input.Author.RecentComments.Any(c => c.CreatedAt >= duplicateSince && Normalise(c.Body) == body))
        {
            return RoutingDecision.Refuse(Name, "You posted the same comment a moment ago.");
        }

        var floodSince = input.Now.AddMinutes(-input.Settings.FloodWindowMinutes);
        return input.Author.RecentComments.Count(c => c.CreatedAt >= floodSince) >= input.Settings.FloodMaxComments
            ? RoutingDecision.Refuse(Name, $"You have posted {input.Settings.FloodMaxComments} comments in {input.Settings.FloodWindowMinutes} minutes. Please wait a few minutes before posting again.")
            : null;
    }

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}

public sealed class BannedWordsPhase : IModerationPhase
{
    public string Name => "banned-words";

    public bool AppliesToStaff => false;

    public RoutingDecision? Decide(ModerationInput input) =>
        WordMatcher.FirstMatch(input.Body, input.BannedWords) is { } word
            ? RoutingDecision.Reject(Name, $"Not published because it contains “{word}”, which is not allowed in our discussions.")
            : null;
}

public sealed class SuppressedTermsPhase : IModerationPhase
{
    public string Name => "suppression";

    public bool AppliesToStaff => false;

    /// <summary>What the author is told; never the term, which would tell them the suppressed name.</summary>
    public const string Message = "Held for review: it may name someone protected by a court's suppression order. An editor will check it before it appears.";

    public RoutingDecision? Decide(ModerationInput input) =>
        SuppressionMatcher.FirstMatch(input.Body, input.SuppressedTerms) is { } hit
            ? RoutingDecision.Hold(Name, Message) with { Suppression = hit }
            : null;
}

public sealed class PreModerationPhase : IModerationPhase
{
    public string Name => "pre-moderation";

    public bool AppliesToStaff => false;

    public RoutingDecision? Decide(ModerationInput input)
    {
        if (input.Thread.Mode == CommentMode.PreModerated)
        {
            return RoutingDecision.Hold("article-pre-moderated", "Held for review: comments on this article are read by an editor before they appear.");
        }

        if (input.CaseStatus is { } status && SubJudice.IsActive(status))
        {
            return RoutingDecision.Hold("sub-judice", "Held for review: proceedings in this case are active, so an editor reads every comment before it appears.");
        }

        if (input.Settings.SitePreModerated)
        {
            return RoutingDecision.Hold("site-pre-moderated", "Held for review: an editor reads every comment before it appears.");
        }

        if (input.Author.AlwaysPreModerate)
        {
            return RoutingDecision.Hold("author-pre-moderated", "Held for review: your comments are read by an editor before they appear.");
        }

        return !input.IsEdit && input.Author.PublishedCommentCount < input.Settings.FirstCommentsHeld
            ? RoutingDecision.Hold("first-comments", "Held for review: a new member's first comments are read by an editor before they appear. Thanks for joining in.")
            : null;
    }
}

public sealed partial class LinksPhase : IModerationPhase
{
    public string Name => "links";

    public bool AppliesToStaff => false;

    public RoutingDecision? Decide(ModerationInput input) =>
        Links().Matches(input.Body).Count > input.Settings.MaxLinks
            ? RoutingDecision.Hold(Name, $"Held for review: comments with more than {input.Settings.MaxLinks} links are checked by an editor first.")
            : null;

    // An address with a scheme, or a bare www. one; "https://www.example.org" is one link, not two.
    [GeneratedRegex(@"https?://|(?<!://)\bwww\.", RegexOptions.IgnoreCase)]
    private static partial Regex Links();
}

public sealed class SuspectWordsPhase : IModerationPhase
{
    public string Name => "suspect-words";

    public bool AppliesToStaff => false;

    public RoutingDecision? Decide(ModerationInput input) =>
        WordMatcher.FirstMatch(input.Body, input.SuspectWords) is not null
            ? RoutingDecision.Hold(Name, "Held for review: an editor will read it before it appears.")
            : null;
}

/// <summary>Sub judice: while a case is live, its articles are pre-moderated by default and carry a notice.</summary>
public static class SubJudice
{
    public static bool IsActive(ProceedingsStatus status) =>
        status is ProceedingsStatus.Charged or ProceedingsStatus.Trial or ProceedingsStatus.Verdict or ProceedingsStatus.Appeal;

    public static string Notice(ProceedingsStatus status) =>
        $"Proceedings in this case are active ({status.Describe().ToLowerInvariant()}). Comments are read before they appear. "
        + "Do not discuss anyone's guilt or innocence, evidence not heard in court, previous convictions, or anything that could identify a person whose name is suppressed.";
}

/// <summary>Whole-word, case-insensitive matching for the word lists.</summary>
public static class WordMatcher
{
    public static string? FirstMatch(string text, IEnumerable<string> words) =>
        words.FirstOrDefault(word => word.Length > 0
            && Regex.IsMatch(text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(word)}(?![\p{{L}}\p{{N}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));
}
