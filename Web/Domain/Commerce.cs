namespace Blog.Web.Domain;

public enum AdSlot
{
    Header = 0,
    InArticle = 1,
    Sidebar = 2,
    Discussion = 3,
}

/// <summary>A first-party house ad or sponsor message. No third-party script, no tracking, no user identifier.</summary>
public sealed class Ad
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public string Text { get; set; } = "";

    /// <summary>Where the ad leads: a path on this site or a sponsor's page. Never carries anything about the reader.</summary>
    public string LinkUrl { get; set; } = "";

    /// <summary>An image under wwwroot (e.g. /images/ads/subscribe.svg), or empty.</summary>
    public string ImagePath { get; set; } = "";

    public AdSlot Slot { get; set; }

    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset? EndsAt { get; set; }

    /// <summary>Relative share among the ads that can fill a slot.</summary>
    public int Weight { get; set; } = 1;

    public bool IsSponsored { get; set; }

    /// <summary>Set while an admin has paused the ad: it shows nowhere until restarted, whatever its schedule.</summary>
    public DateTimeOffset? PausedAt { get; set; }

    /// <summary>Shown now: started, not ended, not paused. The one definition, in memory and (below) in SQL.</summary>
    public bool IsRunning(DateTimeOffset now) => PausedAt is null && StartsAt <= now && (EndsAt is null || EndsAt > now) && Weight > 0;

    public static System.Linq.Expressions.Expression<Func<Ad, bool>> RunningAt(DateTimeOffset now) =>
        a => a.PausedAt == null && a.StartsAt <= now && (a.EndsAt == null || a.EndsAt > now) && a.Weight > 0;

    public AdState StateAt(DateTimeOffset now) =>
        PausedAt is not null ? AdState.Paused
        : EndsAt <= now ? AdState.Ended
        : StartsAt > now ? AdState.Scheduled
        : AdState.Running;
}

public enum AdState
{
    Running = 0,
    Scheduled = 1,
    Paused = 2,
    Ended = 3,
}

public enum AdEvent
{
    Impression = 0,
    Click = 1,
}

/// <summary>
/// An ad's impressions and clicks on one day (UTC), counted first-party and only as totals: nothing about the reader
/// who saw or followed the ad is kept, not even that one reader saw it twice.
/// </summary>
public sealed class AdDailyCount
{
    public int AdId { get; set; }

    public DateOnly Day { get; set; }

    public long Impressions { get; set; }

    public long Clicks { get; set; }
}

public static class AdRotation
{
    /// <summary>Picks one ad by weight; <paramref name="roll"/> is a number in [0, 1).</summary>
    public static Ad? Pick(IReadOnlyList<Ad> running, double roll)
    {
        var total = running.Sum(a => a.Weight);
        if (total <= 0)
        {
            return null;
        }

        var target = roll * total;
        foreach (var ad in running)
        {
            target -= ad.Weight;
            if (target < 0)
            {
                return ad;
            }
        }

        return running[^1];
    }
}

/// <summary>An admin-made code that gives days of subscription, for a number of uses, until it expires.</summary>
public sealed class GiftCode
{
    public const int MinLength = 4;
    public const int MaxLength = 40;
    public const int MaxLabelLength = 100;

    public int Id { get; set; }

    public string Code { get; set; } = "";

    /// <summary>What the code is for, for the newsroom ("Law school 2027"); readers never see it.</summary>
    public string Label { get; set; } = "";

    public int Days { get; set; }

    public int UsesLeft { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>When an admin stopped the code; set, nobody can redeem it (what was redeemed stays).</summary>
    public DateTimeOffset? DisabledAt { get; set; }

    public string CreatedById { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// The one form of a code: what a reader types and what an admin chooses are compared in it (capitals, digits
    /// and hyphens; spaces and other marks dropped), so "law school-2027" finds "LAWSCHOOL-2027".
    /// </summary>
    public static string Normalise(string code) =>
        new(code.Trim().ToUpperInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').ToArray());

    /// <summary>A fresh code of 12 characters without the look-alikes (0/O, 1/I), in three groups.</summary>
    public static string Generate()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var chars = Enumerable.Range(0, 12).Select(_ => alphabet[System.Security.Cryptography.RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray();
        return $"{new string(chars, 0, 4)}-{new string(chars, 4, 4)}-{new string(chars, 8, 4)}";
    }

    /// <summary>Why a reader cannot redeem the code now, before its uses are counted; null when they can.</summary>
    public string? RedeemRefusal(DateTimeOffset now, SiteTime time) => this switch
    {
        { DisabledAt: not null } => "That gift code is no longer valid.",
        { ExpiresAt: { } expires } when expires <= now => $"That gift code expired on {time.Date(expires)}.",
        _ => null,
    };

    /// <summary>An admin stops the code. Explicit commands, not a toggle: stopping a stopped code changes nothing.</summary>
    public void Disable(DateTimeOffset now) => DisabledAt ??= now;

    public void Enable() => DisabledAt = null;
}

public sealed class GiftCodeRedemption
{
    public int GiftCodeId { get; set; }

    public string UserId { get; set; } = "";

    public DateTimeOffset RedeemedAt { get; set; }
}

public enum SubscriptionEventKind
{
    Started = 0,
    Extended = 1,
    Renewed = 2,
    Cancelled = 3,
    Ended = 4,
    PaymentFailed = 5,
    Granted = 6,
}

/// <summary>The history of a subscription, with who changed it and why.</summary>
public sealed class SubscriptionEvent
{
    public long Id { get; set; }

    public int SubscriptionId { get; set; }

    public string UserId { get; set; } = "";

    public SubscriptionEventKind Kind { get; set; }

    public string Detail { get; set; } = "";

    /// <summary>The admin who made the change, or null (the reader, Stripe, a gift code).</summary>
    public string? ActorId { get; set; }

    public DateTimeOffset At { get; set; }
}

/// <summary>A Stripe event already handled: a replay changes nothing.</summary>
public sealed class ProcessedStripeEvent
{
    public string Id { get; set; } = "";

    public string Type { get; set; } = "";

    public DateTimeOffset ReceivedAt { get; set; }
}
