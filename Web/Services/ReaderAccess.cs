using System.Security.Claims;
using Blog.Web.Configuration;
using Blog.Web.Data;
using Blog.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Blog.Web.Services;

/// <summary>The current reader as the rules need them: who, staff or not, subscriber or not.</summary>
public sealed record ReaderStanding(string? UserId, bool IsStaff, bool IsSubscriber)
{
    public static readonly ReaderStanding Anonymous = new(null, false, false);

    public bool SignedIn => UserId is not null;

    public Commenter AsCommenter() => new(SignedIn, IsStaff, IsSubscriber);
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
        var subscriber = Entitlements.IsSubscriber(periods, clock.GetUtcNow(), TimeSpan.FromDays(options.Value.GraceDays));
        return standing = new ReaderStanding(userId, IsStaff(user), subscriber);
    }

    public async Task<bool> ReadsSubscriberContentAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var reader = await StandingAsync(user, cancellationToken);
        return Entitlements.ReadsEverything(reader.IsStaff, reader.IsSubscriber);
    }
}
