using System.Text.Json;
using Blog.Web.Configuration;
using Blog.Web.Data;
using Blog.Web.Domain;
using Blog.Web.Services.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;

namespace Blog.Web.Services.Subscriptions;

public enum WebhookOutcome
{
    Handled,
    Duplicate,
    Ignored,
    BadSignature,
}

/// <summary>
/// Card subscriptions through Stripe: Checkout to start one, the webhook to learn what happened. The webhook is
/// verified against the endpoint's signing secret and handled once per event id (replays change nothing).
/// </summary>
public sealed class StripeBilling(BlogDbContext db, IOptions<StripeOptions> stripe, IOptions<SiteOptions> site, IOptions<SubscriptionOptions> subscriptions, SiteSettingsStore settings, TimeProvider clock, ILogger<StripeBilling> logger)
{
    public bool Enabled => stripe.Value.Enabled;

    /// <summary>Starts a Checkout session; the return addresses are local paths made absolute from <c>Site:BaseUrl</c>.</summary>
    public async Task<string> CreateCheckoutAsync(string userId, string email, PlanOption plan, string successPath, string cancelPath, CancellationToken cancellationToken)
    {
        var service = new SessionService(new StripeClient(stripe.Value.SecretKey));
        var session = await service.CreateAsync(CheckoutFor(userId, email, plan, successPath, cancelPath), cancellationToken: cancellationToken);
        return session.Url;
    }

    public SessionCreateOptions CheckoutFor(string userId, string email, PlanOption plan, string successPath, string cancelPath) => new()
    {
        Mode = "subscription",
        LineItems = [new SessionLineItemOptions { Price = plan.StripePriceId, Quantity = 1 }],
        ClientReferenceId = userId,
        CustomerEmail = email,
        SuccessUrl = site.Value.Link(successPath) + "?session_id={CHECKOUT_SESSION_ID}",
        CancelUrl = site.Value.Link(cancelPath),
        Metadata = new Dictionary<string, string> { ["plan"] = plan.Id },
    };

    public async Task<bool> CancelAtPeriodEndAsync(string externalId, CancellationToken cancellationToken)
    {
        try
        {
            await new Stripe.SubscriptionService(new StripeClient(stripe.Value.SecretKey))
                .UpdateAsync(externalId, new SubscriptionUpdateOptions { CancelAtPeriodEnd = true }, cancellationToken: cancellationToken);
            return true;
        }
        catch (StripeException ex)
        {
            logger.LogWarning(ex, "Stripe refused to cancel subscription {ExternalId}", externalId);
            return false;
        }
    }

    public async Task<WebhookOutcome> HandleWebhookAsync(string json, string? signature, CancellationToken cancellationToken)
    {
        try
        {
            EventUtility.ValidateSignature(json, signature ?? "", stripe.Value.WebhookSecret, 300, clock.GetUtcNow().ToUnixTimeSeconds());
        }
        catch (StripeException)
        {
            return WebhookOutcome.BadSignature;
        }

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var eventId = root.GetProperty("id").GetString()!;
        var type = root.GetProperty("type").GetString()!;
        var data = root.GetProperty("data").GetProperty("object");
        var now = clock.GetUtcNow();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.ProcessedStripeEvents.AnyAsync(e => e.Id == eventId, cancellationToken))
        {
            return WebhookOutcome.Duplicate;
        }

        db.ProcessedStripeEvents.Add(new ProcessedStripeEvent { Id = eventId, Type = type, ReceivedAt = now });
        var handled = type switch
        {
            "checkout.session.completed" => await CheckoutCompletedAsync(data, now, cancellationToken),
            "invoice.paid" => await InvoicePaidAsync(data, now, cancellationToken),
            "invoice.payment_failed" => await PaymentFailedAsync(data, now, cancellationToken),
            "customer.subscription.updated" => await SubscriptionUpdatedAsync(data, now, cancellationToken),
            "customer.subscription.deleted" => await SubscriptionDeletedAsync(data, now, cancellationToken),
            _ => false,
        };
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Stripe event {EventId} ({Type}) {Outcome}", eventId, type, handled ? "handled" : "ignored");
        return handled ? WebhookOutcome.Handled : WebhookOutcome.Ignored;
    }

    private async Task<bool> CheckoutCompletedAsync(JsonElement session, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var userId = Text(session, "client_reference_id");
        var externalId = Text(session, "subscription");
        if (userId is null || externalId is null || !await db.Users.AnyAsync(u => u.Id == userId, cancellationToken)
            || await db.Subscriptions.AnyAsync(s => s.ExternalId == externalId, cancellationToken))
        {
            return false;
        }

        var planId = session.TryGetProperty("metadata", out var metadata) ? Text(metadata, "plan") : null;
        var plan = subscriptions.Value.Plans.FirstOrDefault(p => p.Id == planId) ?? subscriptions.Value.Plans.FirstOrDefault();
        var subscription = new Domain.Subscription
        {
            UserId = userId, Plan = plan?.Name ?? "Card", Status = SubscriptionStatus.Active, Source = SubscriptionSource.Card,
            StartedAt = now, CurrentPeriodEnd = now.AddMonths(plan?.PeriodMonths ?? 1), ExternalId = externalId, ExternalCustomerId = Text(session, "customer"),
        };
        subscription.Events.Add(new SubscriptionEvent { UserId = userId, Kind = SubscriptionEventKind.Started, Detail = $"Card payment, {subscription.Plan}", At = now });
        db.Subscriptions.Add(subscription);
        return true;
    }

    private async Task<bool> InvoicePaidAsync(JsonElement invoice, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var subscription = await FindAsync(InvoiceSubscriptionId(invoice), cancellationToken);
        var periodEnd = InvoicePeriodEnd(invoice);
        if (subscription is null || periodEnd is null)
        {
            return false;
        }

        if (periodEnd > subscription.CurrentPeriodEnd)
        {
            subscription.CurrentPeriodEnd = periodEnd.Value;
        }

        subscription.PaymentFailed = false;
        if (subscription.Status == SubscriptionStatus.Ended)
        {
            subscription.Status = SubscriptionStatus.Active;
        }

        Log(subscription, SubscriptionEventKind.Renewed, $"Paid through {(await settings.TimeAsync(cancellationToken)).Date(subscription.CurrentPeriodEnd)}", now);
        return true;
    }

    private async Task<bool> PaymentFailedAsync(JsonElement invoice, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var subscription = await FindAsync(InvoiceSubscriptionId(invoice), cancellationToken);
        if (subscription is null)
        {
            return false;
        }

        subscription.PaymentFailed = true;
        Log(subscription, SubscriptionEventKind.PaymentFailed, "The card payment failed; the subscription runs to its period end.", now);
        return true;
    }

    private async Task<bool> SubscriptionUpdatedAsync(JsonElement data, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var subscription = await FindAsync(Text(data, "id"), cancellationToken);
        if (subscription is null)
        {
            return false;
        }

        if ((Unix(data, "current_period_end") ?? ItemPeriodEnd(data)) is { } end)
        {
            subscription.CurrentPeriodEnd = end;
        }

        var cancelling = data.TryGetProperty("cancel_at_period_end", out var flag) && flag.ValueKind == JsonValueKind.True;
        var status = Text(data, "status");
        subscription.Status = cancelling ? SubscriptionStatus.Cancelled : status is "canceled" ? SubscriptionStatus.Ended : SubscriptionStatus.Active;
        subscription.PaymentFailed = status is "past_due" or "unpaid";
        Log(subscription, cancelling ? SubscriptionEventKind.Cancelled : SubscriptionEventKind.Extended, $"Stripe status {status}", now);
        return true;
    }

    private async Task<bool> SubscriptionDeletedAsync(JsonElement data, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var subscription = await FindAsync(Text(data, "id"), cancellationToken);
        if (subscription is null)
        {
            return false;
        }

        subscription.Status = SubscriptionStatus.Ended;
        subscription.CurrentPeriodEnd = Unix(data, "ended_at") ?? now;
        Log(subscription, SubscriptionEventKind.Ended, "Ended at Stripe", now);
        return true;
    }

    private Task<Domain.Subscription?> FindAsync(string? externalId, CancellationToken cancellationToken) =>
        externalId is null ? Task.FromResult<Domain.Subscription?>(null) : db.Subscriptions.FirstOrDefaultAsync(s => s.ExternalId == externalId, cancellationToken);

    private void Log(Domain.Subscription subscription, SubscriptionEventKind kind, string detail, DateTimeOffset now) =>
        db.SubscriptionEvents.Add(new SubscriptionEvent { SubscriptionId = subscription.Id, UserId = subscription.UserId, Kind = kind, Detail = detail, At = now });

    // The invoice's subscription moved under parent.subscription_details in newer API versions; accept both.
    private static string? InvoiceSubscriptionId(JsonElement invoice) =>
        Text(invoice, "subscription")
        ?? (invoice.TryGetProperty("parent", out var parent) && parent.ValueKind == JsonValueKind.Object
            && parent.TryGetProperty("subscription_details", out var details) ? Text(details, "subscription") : null);

    private static DateTimeOffset? InvoicePeriodEnd(JsonElement invoice) =>
        invoice.TryGetProperty("lines", out var lines) && lines.TryGetProperty("data", out var items) && items.GetArrayLength() > 0
            && items[0].TryGetProperty("period", out var period)
            ? Unix(period, "end")
            : Unix(invoice, "period_end");

    private static DateTimeOffset? ItemPeriodEnd(JsonElement subscription) =>
        subscription.TryGetProperty("items", out var items) && items.TryGetProperty("data", out var data) && data.GetArrayLength() > 0
            ? Unix(data[0], "current_period_end")
            : null;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? Unix(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? DateTimeOffset.FromUnixTimeSeconds(value.GetInt64()) : null;
}
