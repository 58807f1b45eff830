namespace Blog.Web.Domain;

public enum CommentDenial
{
    None = 0,
    SignInRequired = 1,
    SubscribersOnly = 2,
    Suspended = 3,
    ThreadClosed = 4,
    Banned = 5,
}

/// <summary>Who is trying to comment, as the rule needs to know them.</summary>
public sealed record Commenter(bool SignedIn, bool IsStaff, bool IsSubscriber, DateTimeOffset? SuspendedUntil = null, bool Banned = false)
{
    public static readonly Commenter Anonymous = new(false, false, false);
}

/// <summary>The article's comment settings.</summary>
public sealed record ThreadSettings(CommentMode Mode, DateTimeOffset? ClosesAt)
{
    public bool IsClosed(DateTimeOffset now) => Mode == CommentMode.Closed || (ClosesAt is { } at && at <= now);
}

public sealed record CommentPermission(CommentDenial Denial, DateTimeOffset? Until = null)
{
    /// <summary>The zone the message gives times in.</summary>
    public SiteTime Time { get; init; } = SiteTime.Utc;

    public bool Allowed => Denial == CommentDenial.None;

    /// <summary>What the reader is told in place of the comment box.</summary>
    public string Message => Denial switch
    {
        CommentDenial.SignInRequired => "Sign in to join the discussion.",
        CommentDenial.SubscribersOnly => "Subscribe to comment.",
        CommentDenial.ThreadClosed => "Comments are closed.",
        CommentDenial.Suspended => $"You are suspended until {(Until is { } until ? Time.LongText(until) : "further notice")}.",
        CommentDenial.Banned => "Your account is banned from commenting.",
        _ => "",
    };
}

/// <summary>Who may comment: one pure rule, decided here and nowhere else.</summary>
public static class CommentPolicy
{
    /// <summary>
    /// By default active subscribers and staff may comment; <paramref name="openToMembers"/> opens it to every
    /// signed-in account. A closed thread is closed to everyone, staff included, so the record stays as it was.
    /// </summary>
    public static CommentPermission Evaluate(Commenter who, ThreadSettings thread, bool openToMembers, DateTimeOffset now)
    {
        if (thread.IsClosed(now))
        {
            return new(CommentDenial.ThreadClosed);
        }

        if (!who.SignedIn)
        {
            return new(CommentDenial.SignInRequired);
        }

        if (who.Banned && !who.IsStaff)
        {
            return new(CommentDenial.Banned);
        }

        if (who.SuspendedUntil is { } until && until > now && !who.IsStaff)
        {
            return new(CommentDenial.Suspended, until);
        }

        if (!who.IsStaff && !who.IsSubscriber && !openToMembers)
        {
            return new(CommentDenial.SubscribersOnly);
        }

        return new(CommentDenial.None);
    }

    /// <summary>Recommending follows the same rule as commenting, except that a closed thread can still be read and recommended.</summary>
    public static bool MayRecommend(Commenter who, bool openToMembers, DateTimeOffset now) =>
        Evaluate(who, new ThreadSettings(CommentMode.Open, null), openToMembers, now).Allowed;
}
