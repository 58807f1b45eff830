using System.Security.Claims;
using Blog.Web.Configuration;
using Blog.Web.Data;
using Blog.Web.Infrastructure.Caching;
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

    /// <summary>Subscribers and staff read subscriber-only articles and their discussions.</summary>
    public bool ReadsEverything => Entitlements.ReadsEverything(IsStaff, IsSubscriber);

    public Commenter AsCommenter() => new(SignedIn, IsStaff, IsSubscriber, SuspendedUntil, Banned);
}

/// <summary>A sanction in force, as its subject is told about it.</summary>
public sealed record ActiveSanction(SanctionKind Kind, string Reason, DateTimeOffset? EndsAt)
{
    public string Describe(SiteTime time) => Kind switch
    {
        SanctionKind.Ban => "Your account is banned from commenting.",
        SanctionKind.Suspension => $"You are suspended from commenting until {(EndsAt is { } until ? time.LongText(until) : "further notice")}.",
        SanctionKind.AlwaysPreModerate => "Your comments are read by an editor before they appear" + (EndsAt is { } end ? $", until {time.LongText(end)}." : "."),
        _ => "You have a warning from the moderators.",
    } + (string.IsNullOrWhiteSpace(Reason) ? "" : $" Reason: {Reason}");
}

/// <summary>
/// Works out, once per request, the reader's standing: roles from the session; subscriptions and sanctions from the
/// database. Those two are kept for a few seconds per reader (in Redis, when there is one), and every saved
/// subscription or sanction of theirs removes them, so it counts from the very next request on every instance; the rules
/// are applied to the current time on every request, so a period or a suspension ends on time.
/// </summary>
public sealed class ReaderAccess(BlogDbContext db, TimeProvider clock, IOptions<SubscriptionOptions> options, SiteCache cache)
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromSeconds(10);

    private ReaderStanding? standing;

    public sealed record SanctionRow(SanctionKind Kind, string Reason, DateTimeOffset StartsAt, DateTimeOffset? EndsAt);

    /// <summary>What a standing is made of, as kept (in Redis too: every instance reads it alike).</summary>
    public sealed record StandingRecord(List<SubscriptionPeriod> Periods, List<SanctionRow> Sanctions);

    public static bool IsStaff(ClaimsPrincipal user) => Roles.IsStaff(user);

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

        var now = clock.GetUtcNow();
        var record = await cache.GetOrLoadAsync(CacheTags.StandingKey(userId), [], async token =>
            new StandingRecord(
                await db.Subscriptions.AsNoTracking().Where(s => s.UserId == userId)
                    .Select(s => new SubscriptionPeriod(s.Status, s.CurrentPeriodEnd))
                    .ToListAsync(token),
                await db.UserSanctions.AsNoTracking()
                    .Where(s => s.UserId == userId && s.LiftedAt == null && (s.EndsAt == null || s.EndsAt > now))
                    .Select(s => new SanctionRow(s.Kind, s.Reason, s.StartsAt, s.EndsAt))
                    .ToListAsync(token)), cancellationToken, CacheLevel.Shared, KeptFor);

        var subscriber = Entitlements.IsSubscriber(record.Periods, now, TimeSpan.FromDays(options.Value.GraceDays));
        var active = record.Sanctions
            .Where(s => s.StartsAt <= now && (s.EndsAt == null || s.EndsAt > now))
            .Select(s => new ActiveSanction(s.Kind, s.Reason, s.EndsAt))
            .ToList();
        return standing = new ReaderStanding(userId, IsStaff(user), subscriber, active);
    }
}
