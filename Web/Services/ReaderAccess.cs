using System.Security.Claims;
using Blog.Web.Configuration;
using Blog.Web.Data;
using Blog.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Blog.Web.Services;

/// <summary>Answers, once per request, whether the current reader is entitled to subscriber-only content.</summary>
public sealed class ReaderAccess(BlogDbContext db, TimeProvider clock, IOptions<SubscriptionOptions> options)
{
    private bool? entitled;

    public static bool IsStaff(ClaimsPrincipal user) => user.IsInRole(Roles.Editor) || user.IsInRole(Roles.Admin);

    public async Task<bool> ReadsSubscriberContentAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (entitled is { } known)
        {
            return known;
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return (entitled = false).Value;
        }

        var periods = await db.Subscriptions.AsNoTracking().Where(s => s.UserId == userId)
            .Select(s => new SubscriptionPeriod(s.Status, s.CurrentPeriodEnd))
            .ToListAsync(cancellationToken);
        var subscriber = Entitlements.IsSubscriber(periods, clock.GetUtcNow(), TimeSpan.FromDays(options.Value.GraceDays));
        return (entitled = Entitlements.ReadsEverything(IsStaff(user), subscriber)).Value;
    }
}
