using System.Security.Claims;
using Blog.Web.Configuration;
using Blog.Web.Data;
using Blog.Web.Domain;
using Blog.Web.Domain.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Blog.Web.Services;

/// <summary>The current reader as the rules need them: who, staff or not, subscriber or not.</summary>
public sealed record ReaderStanding(string? UserId, bool IsStaff, bool IsSubscriber, IReadOnlyList<ActiveSanction>? Sanctions = null)
{
    public static readonly ReaderStanding Anonymous = new(null, false, false);

    public bool SignedIn => UserId is not null;

    public IReadOnlyList<ActiveSanction> ActiveSanctions => Sanctions ?? [];

    public bool Banned => ActiveSanctions.Any(s => s.Kind == SanctionKind.Ban);

    public DateTimeOffset? SuspendedUntil => ActiveSanctions.Where(s => s.Kind == SanctionKind.Suspension).Max(s => s.EndsAt);

    public Commenter AsCommenter() => new(SignedIn, IsStaff, IsSubscriber, SuspendedUntil, Banned);
}

/// <summary>A sanction in force, as its subject is told about it.</summary>
public sealed record ActiveSanction(SanctionKind Kind, string Reason, DateTimeOffset? EndsAt)
{
    public string Describe() => Kind switch
    {
        SanctionKind.Ban => "Your account is banned from commenting.",
        SanctionKind.Suspension => $"You are suspended from commenting until {EndsAt:d MMMM yyyy, HH:mm} UTC.",
        SanctionKind.AlwaysPreModerate => "Your comments are read by an editor before they appear" + (EndsAt is { } end ? $", until {end:d MMMM yyyy, HH:mm} UTC." : "."),
        _ => "You have a warning from the moderators.",
    } + (string.IsNullOrWhiteSpace(Reason) ? "" : $" Reason: {Reason}");
}

/// <summary>Works out, once per request, the reader's standing: one query for their subscriptions, roles from the session.</summary>
public sealed class ReaderAccess(BlogDbContext db, TimeProvider clock, IOptions<SubscriptionOptions> options)
{
    private ReaderStanding? standing;

    public static bool IsStaff(ClaimsPrincipal user) => user.IsInRole(Roles.Editor) || user.IsInRole(Roles.Admin);

    public async Task<ReaderStanding> StandingAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (standing is not null)
        {
            return standing;
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return standing = ReaderStanding.Anonymous;
        }

        var periods = await db.Subscriptions.AsNoTracking().Where(s => s.UserId == userId)
            .Select(s => new SubscriptionPeriod(s.Status, s.CurrentPeriodEnd))
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var subscriber = Entitlements.IsSubscriber(periods, now, TimeSpan.FromDays(options.Value.GraceDays));
        var sanctions = await db.UserSanctions.AsNoTracking()
            .Where(s => s.UserId == userId && s.LiftedAt == null && s.StartsAt <= now && (s.EndsAt == null || s.EndsAt > now))
            .Select(s => new ActiveSanction(s.Kind, s.Reason, s.EndsAt))
            .ToListAsync(cancellationToken);
        return standing = new ReaderStanding(userId, IsStaff(user), subscriber, sanctions);
    }

    public async Task<bool> ReadsSubscriberContentAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var reader = await StandingAsync(user, cancellationToken);
        return Entitlements.ReadsEverything(reader.IsStaff, reader.IsSubscriber);
    }
}
