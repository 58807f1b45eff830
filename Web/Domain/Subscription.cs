namespace Blog.Web.Domain;

public enum SubscriptionSource
{
    Card = 0,
    GiftCode = 1,
    AdminGrant = 2,
}

public enum SubscriptionStatus
{
    Active = 0,
    Cancelled = 1,
    Ended = 2,
}

public sealed class Subscription
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    public BlogUser? User { get; set; }

    public string Plan { get; set; } = "";

    public SubscriptionStatus Status { get; set; }

    public SubscriptionSource Source { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset CurrentPeriodEnd { get; set; }

    /// <summary>The Stripe subscription id, for card subscriptions.</summary>
    public string? ExternalId { get; set; }

    public string? ExternalCustomerId { get; set; }

    /// <summary>The last card payment failed; the subscription runs on to its period end and grace.</summary>
    public bool PaymentFailed { get; set; }

    public List<SubscriptionEvent> Events { get; set; } = [];
}
