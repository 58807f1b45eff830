using System.Linq.Expressions;

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
        subscriptions.Any(s => s.Status != SubscriptionStatus.Ended && s.CurrentPeriodEnd > now - grace);

    /// <summary><see cref="IsSubscriber"/> for queries: the subscriptions that make their holder a subscriber at <paramref name="now"/>.</summary>
    public static Expression<Func<Subscription, bool>> ActiveAt(DateTimeOffset now, TimeSpan grace)
    {
        var from = now - grace;
        return s => s.Status != SubscriptionStatus.Ended && s.CurrentPeriodEnd > from;
    }

    /// <summary>Editors and admins read everything the newsroom publishes.</summary>
    public static bool ReadsEverything(bool isStaff, bool isSubscriber) => isStaff || isSubscriber;

    /// <summary>Subscribers, editors and admins get no ad markup at all.</summary>
    public static bool AdFree(bool isStaff, bool isSubscriber) => isStaff || isSubscriber;
}

/// <summary>
/// Who may read an article's full text and its discussion: everyone for a free article, otherwise only readers who
/// read everything (subscribers and staff). One rule, in memory and as an expression for SQL, used by the article
/// page, the discussion fragment, permalinks, replies, reports, posting and the search index.
/// </summary>
public static class Paywall
{
    public static bool ReadsFullText(ArticleVisibility visibility, bool readsEverything) =>
        readsEverything || visibility == ArticleVisibility.Everyone;

    public static Expression<Func<Article, bool>> Readable(bool readsEverything) =>
        readsEverything ? a => true : a => a.Visibility == ArticleVisibility.Everyone;
}
