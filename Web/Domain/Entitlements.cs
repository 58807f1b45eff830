namespace Blog.Web.Domain;

public sealed record SubscriptionPeriod(SubscriptionStatus Status, DateTimeOffset CurrentPeriodEnd);

/// <summary>Who reads subscriber-only articles: one pure rule, tested without HTTP.</summary>
public static class Entitlements
{
    /// <summary>
    /// A subscriber has a subscription whose period (plus a grace period for late renewals) has not ended.
    /// A cancelled subscription runs to the end of the period already paid for.
    /// </summary>
    public static bool IsSubscriber(IEnumerable<SubscriptionPeriod> subscriptions, DateTimeOffset now, TimeSpan grace) =>
        subscriptions.Any(s => s.Status != SubscriptionStatus.Ended && s.CurrentPeriodEnd + grace > now);

    /// <summary>Editors and admins read everything the newsroom publishes.</summary>
    public static bool ReadsEverything(bool isStaff, bool isSubscriber) => isStaff || isSubscriber;

    /// <summary>Subscribers, editors and admins get no ad markup at all.</summary>
    public static bool AdFree(bool isStaff, bool isSubscriber) => isStaff || isSubscriber;
}
