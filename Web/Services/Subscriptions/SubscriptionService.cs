using Blog.Web.Configuration;
using Blog.Web.Data;
using Blog.Web.Domain;
using Blog.Web.Services.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Blog.Web.Services.Subscriptions;

public sealed record SubscriptionResult(bool Succeeded, string Message)
{
    public static SubscriptionResult Ok(string message) => new(true, message);

    public static SubscriptionResult Refused(string message) => new(false, message);
}

public sealed record SubscriptionLine(int Id, string Plan, SubscriptionStatus Status, SubscriptionSource Source, DateTimeOffset StartedAt, DateTimeOffset CurrentPeriodEnd, bool PaymentFailed, bool IsCard);

public sealed record SubscriptionOverview(bool IsSubscriber, IReadOnlyList<SubscriptionLine> Subscriptions, IReadOnlyList<SubscriptionEvent> History);

/// <summary>Subscriptions that do not need a card: gift codes, admin grants, cancellation, and what a reader's account shows.</summary>
public sealed class SubscriptionService(BlogDbContext db, IOptions<SubscriptionOptions> options, SiteSettingsStore settings, TimeProvider clock, ILogger<SubscriptionService> logger)
{
    public IReadOnlyList<PlanOption> Plans => options.Value.Plans;

    public async Task<SubscriptionOverview> OverviewAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var subscriptions = await db.Subscriptions.AsNoTracking().Where(s => s.UserId == userId).OrderByDescending(s => s.CurrentPeriodEnd)
            .Select(s => new SubscriptionLine(s.Id, s.Plan, s.Status, s.Source, s.StartedAt, s.CurrentPeriodEnd, s.PaymentFailed, s.ExternalId != null))
            .ToListAsync(cancellationToken);
        var history = await db.SubscriptionEvents.AsNoTracking().Where(e => e.UserId == userId).OrderByDescending(e => e.At).Take(50).ToListAsync(cancellationToken);
        var subscriber = Entitlements.IsSubscriber(subscriptions.Select(s => new SubscriptionPeriod(s.Status, s.CurrentPeriodEnd)), now, TimeSpan.FromDays(options.Value.GraceDays));
        return new SubscriptionOverview(subscriber, subscriptions, history);
    }

    /// <summary>
    /// Redeems a gift code. The use is taken by one conditional UPDATE inside an IMMEDIATE transaction, so two
    /// readers racing for the last use cannot both win.
    /// </summary>
    public async Task<SubscriptionResult> RedeemAsync(string userId, string code, CancellationToken cancellationToken)
    {
        code = GiftCode.Normalise(code);
        if (code.Length == 0)
        {
            return SubscriptionResult.Refused("Enter the gift code.");
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var gift = await db.GiftCodes.AsNoTracking().FirstOrDefaultAsync(g => g.Code == code, cancellationToken);
        if (gift is null)
        {
            return SubscriptionResult.Refused("That gift code does not exist. Check it and try again.");
        }

        if (gift.RedeemRefusal(now, await settings.TimeAsync(cancellationToken)) is { } refusal)
        {
            return SubscriptionResult.Refused(refusal);
        }

        if (await db.GiftCodeRedemptions.AnyAsync(r => r.GiftCodeId == gift.Id && r.UserId == userId, cancellationToken))
        {
            return SubscriptionResult.Refused("You have already used this gift code.");
        }

        var taken = await db.GiftCodes.Where(g => g.Id == gift.Id && g.UsesLeft > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.UsesLeft, g => g.UsesLeft - 1), cancellationToken);
        if (taken == 0)
        {
            return SubscriptionResult.Refused("That gift code has been used up.");
        }

        db.GiftCodeRedemptions.Add(new GiftCodeRedemption { GiftCodeId = gift.Id, UserId = userId, RedeemedAt = now });
        var end = await AddDaysAsync(userId, gift.Days, SubscriptionSource.GiftCode, "Gift", $"Gift code {code}: {gift.Days} days", null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Gift code {GiftCodeId} redeemed by {UserId}", gift.Id, userId);
        return SubscriptionResult.Ok($"Welcome aboard: your subscription runs until {(await settings.TimeAsync(cancellationToken)).Date(end)}. Ads are gone and the discussion is open to you.");
    }

    /// <summary>An admin gives days of subscription (extending a current one), with a reason that is logged.</summary>
    public async Task<SubscriptionResult> GrantAsync(string userId, int days, string reason, string adminId, CancellationToken cancellationToken)
    {
        if (days is < 1 or > 3660)
        {
            return SubscriptionResult.Refused("Grant between 1 and 3,660 days.");
        }

        if (TextLimits.TooLong(reason, TextLimits.GrantReason, "The reason") is { } tooLong)
        {
            return SubscriptionResult.Refused(tooLong);
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return SubscriptionResult.Refused("Give the reason for the grant: it is logged.");
        }

        if (!await db.Users.AnyAsync(u => u.Id == userId, cancellationToken))
        {
            return SubscriptionResult.Refused("That account does not exist.");
        }

        var end = await AddDaysAsync(userId, days, SubscriptionSource.AdminGrant, "Granted", $"{days} days: {reason.Trim()}", adminId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return SubscriptionResult.Ok($"Granted: the subscription runs until {(await settings.TimeAsync(cancellationToken)).Date(end)}.");
    }

    /// <summary>An admin ends a subscription now, with a reason that is logged.</summary>
    public async Task<SubscriptionResult> EndAsync(int subscriptionId, string reason, string adminId, CancellationToken cancellationToken)
    {
        if (TextLimits.TooLong(reason, TextLimits.GrantReason, "The reason") is { } tooLong)
        {
            return SubscriptionResult.Refused(tooLong);
        }

        var subscription = await db.Subscriptions.FirstOrDefaultAsync(s => s.Id == subscriptionId, cancellationToken);
        if (subscription is null || subscription.Status == SubscriptionStatus.Ended)
        {
            return SubscriptionResult.Refused("That subscription has already ended.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return SubscriptionResult.Refused("Give the reason for ending it: it is logged.");
        }

        var now = clock.GetUtcNow();
        subscription.Status = SubscriptionStatus.Ended;
        subscription.CurrentPeriodEnd = now;
        db.SubscriptionEvents.Add(new SubscriptionEvent { SubscriptionId = subscription.Id, UserId = subscription.UserId, Kind = SubscriptionEventKind.Ended, Detail = reason.Trim(), ActorId = adminId, At = now });
        await db.SaveChangesAsync(cancellationToken);
        return SubscriptionResult.Ok("The subscription has ended.");
    }

    /// <summary>The reader cancels: the subscription runs to the end of the period already paid for, then stops.</summary>
    public async Task<SubscriptionResult> CancelAsync(string userId, int subscriptionId, Func<string, CancellationToken, Task<bool>>? cancelAtProcessor, CancellationToken cancellationToken)
    {
        var subscription = await db.Subscriptions.FirstOrDefaultAsync(s => s.Id == subscriptionId && s.UserId == userId, cancellationToken);
        if (subscription is null || subscription.Status != SubscriptionStatus.Active)
        {
            return SubscriptionResult.Refused("That subscription is not active.");
        }

        if (subscription.ExternalId is { } external && cancelAtProcessor is not null && !await cancelAtProcessor(external, cancellationToken))
        {
            return SubscriptionResult.Refused("We could not reach the payment processor to cancel. Nothing has changed; please try again later.");
        }

        subscription.Status = SubscriptionStatus.Cancelled;
        db.SubscriptionEvents.Add(new SubscriptionEvent { SubscriptionId = subscription.Id, UserId = userId, Kind = SubscriptionEventKind.Cancelled, Detail = "Cancelled by the reader; runs to the period end.", At = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        return SubscriptionResult.Ok($"Cancelled. Your subscription stays on until {(await settings.TimeAsync(cancellationToken)).Date(subscription.CurrentPeriodEnd)} and will not renew.");
    }

    /// <summary>Extends the reader's current subscription of this source, or starts one.</summary>
    private async Task<DateTimeOffset> AddDaysAsync(string userId, int days, SubscriptionSource source, string plan, string detail, string? actorId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var current = await db.Subscriptions
            .Where(s => s.UserId == userId && s.Source == source && s.Status == SubscriptionStatus.Active && s.CurrentPeriodEnd > now)
            .OrderByDescending(s => s.CurrentPeriodEnd)
            .FirstOrDefaultAsync(cancellationToken);
        if (current is not null)
        {
            current.CurrentPeriodEnd = current.CurrentPeriodEnd.AddDays(days);
            db.SubscriptionEvents.Add(new SubscriptionEvent { SubscriptionId = current.Id, UserId = userId, Kind = SubscriptionEventKind.Extended, Detail = detail, ActorId = actorId, At = now });
            return current.CurrentPeriodEnd;
        }

        var subscription = new Subscription { UserId = userId, Plan = plan, Status = SubscriptionStatus.Active, Source = source, StartedAt = now, CurrentPeriodEnd = now.AddDays(days) };
        subscription.Events.Add(new SubscriptionEvent { UserId = userId, Kind = source == SubscriptionSource.AdminGrant ? SubscriptionEventKind.Granted : SubscriptionEventKind.Started, Detail = detail, ActorId = actorId, At = now });
        db.Subscriptions.Add(subscription);
        return subscription.CurrentPeriodEnd;
    }
}
