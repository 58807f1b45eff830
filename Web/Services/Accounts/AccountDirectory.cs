using Blog.Web.Configuration;
using Blog.Web.Data;
using Blog.Web.Domain;
using Blog.Web.Domain.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Blog.Web.Services.Accounts;

public enum SubscriptionFilter
{
    Any = 0,
    Subscribers = 1,
    NotSubscribers = 2,
}

public enum StandingFilter
{
    Any = 0,

    /// <summary>Under a sanction in force (warning, pre-moderation, suspension, ban).</summary>
    Sanctioned = 1,

    /// <summary>Locked, by an admin or after failed sign-ins.</summary>
    Locked = 2,
}

/// <summary>A search of the accounts: text in the name or email, a role (or none), subscription state, sanctions.</summary>
public sealed record AccountFilter(string? Query, string? Role, SubscriptionFilter Subscription, StandingFilter Standing)
{
    /// <summary>The role filter's value for accounts that hold no role.</summary>
    public const string NoRole = "none";

    public const int MaxQueryLength = 100;
}

public sealed record AccountLine(string Id, string DisplayName, string? Email, DateTimeOffset CreatedAt, IReadOnlyList<string> Roles, bool Locked);

public sealed record AccountPage(IReadOnlyList<AccountLine> Accounts, int PageNumber, int PageCount, int Total);

/// <summary>The admin's list of accounts, filtered in SQL with the same rules the rest of the site uses.</summary>
public sealed class AccountDirectory(BlogDbContext db, IOptions<SubscriptionOptions> subscriptions, TimeProvider clock)
{
    public const int PageSize = 50;

    public async Task<AccountPage> FindAsync(AccountFilter filter, int page, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var query = db.Users.AsNoTracking();
        var text = filter.Query?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            // Upper-cased on both sides, so the search ignores case on SQLite and PostgreSQL alike.
            var pattern = $"%{Like(text[..Math.Min(text.Length, AccountFilter.MaxQueryLength)]).ToUpperInvariant()}%";
            query = query.Where(u => EF.Functions.Like(u.NormalizedEmail!, pattern, "\\") || EF.Functions.Like(u.DisplayName.ToUpper(), pattern, "\\"));
        }

        if (filter.Role == AccountFilter.NoRole)
        {
            query = query.Where(u => !db.UserRoles.Any(r => r.UserId == u.Id));
        }
        else if (filter.Role is { } role && Roles.All.Contains(role))
        {
            var roleId = db.Roles.Where(r => r.Name == role).Select(r => r.Id);
            query = query.Where(u => db.UserRoles.Any(r => r.UserId == u.Id && roleId.Contains(r.RoleId)));
        }

        var active = Entitlements.ActiveAt(now, TimeSpan.FromDays(subscriptions.Value.GraceDays));
        var subscribed = db.Subscriptions.Where(active).Select(s => s.UserId);
        query = filter.Subscription switch
        {
            SubscriptionFilter.Subscribers => query.Where(u => subscribed.Contains(u.Id)),
            SubscriptionFilter.NotSubscribers => query.Where(u => !subscribed.Contains(u.Id)),
            _ => query,
        };
        var sanctioned = db.UserSanctions.Where(UserSanction.ActiveAt(now)).Select(s => s.UserId);
        query = filter.Standing switch
        {
            StandingFilter.Sanctioned => query.Where(u => sanctioned.Contains(u.Id)),
            StandingFilter.Locked => query.Where(u => u.LockoutEnd > now),
            _ => query,
        };

        var total = await query.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var number = Math.Clamp(page, 1, pageCount);
        var rows = await query.OrderByDescending(u => u.CreatedAt).ThenBy(u => u.Id)
            .Skip((number - 1) * PageSize).Take(PageSize)
            .Select(u => new
            {
                u.Id, u.DisplayName, u.Email, u.CreatedAt,
                Locked = u.LockoutEnd > now,
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .ToListAsync(cancellationToken);
        return new AccountPage(
            rows.Select(r => new AccountLine(r.Id, r.DisplayName, r.Email, r.CreatedAt, r.Roles.Order(StringComparer.Ordinal).ToList(), r.Locked)).ToList(),
            number, pageCount, total);
    }

    private static string Like(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
