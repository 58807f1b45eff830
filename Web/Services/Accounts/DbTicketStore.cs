using System.Security.Cryptography;
using Blog.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Blog.Web.Infrastructure.Caching;
using Microsoft.Extensions.Options;

namespace Blog.Web.Services.Accounts;

/// <summary>
/// Keeps authentication tickets in the database. The cookie holds a random session id; removing the row
/// (sign-out, password change, account deletion) ends that session on the server.
/// Every signed-in request reads its ticket, so tickets are also kept in the site cache for a minute after use (in
/// Redis when there is one, read there on every request): ending a session (one, or all of a user's) is a saved
/// delete, which removes the kept ticket before the change returns, so no instance honours it a moment longer.
/// </summary>
public sealed class DbTicketStore(IServiceScopeFactory scopes, TimeProvider clock, SiteCache cache) : ITicketStore
{
    private static readonly TicketSerializer Serializer = TicketSerializer.Default;
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(1);

    /// <summary>A session as kept: whose, the ticket, until when.</summary>
    public sealed record KeptSession(string UserId, byte[] Ticket, DateTimeOffset ExpiresAt);

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
        var session = new UserSession
        {
            Id = id,
            UserId = UserIdOf(ticket),
            Ticket = Serializer.Serialize(ticket),
            CreatedAt = clock.GetUtcNow(),
            ExpiresAt = ExpiryOf(ticket),
        };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync();
        await KeepAsync(id, new KeptSession(session.UserId, session.Ticket, session.ExpiresAt));
        return id;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
        var bytes = Serializer.Serialize(ticket);
        var expires = ExpiryOf(ticket);
        // A plain update of the session's own row: a renewal changes nothing anyone else is shown.
        var renewed = await db.UserSessions.Where(s => s.Id == key)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Ticket, bytes).SetProperty(x => x.ExpiresAt, expires));
        if (renewed > 0)
        {
            await KeepAsync(key, new KeptSession(UserIdOf(ticket), bytes, expires));
        }
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        var now = clock.GetUtcNow();
        if (await cache.TryGetAsync<KeptSession>(MemoryKey(key), CacheLevel.Shared, CancellationToken.None) is (true, { } kept))
        {
            return kept.ExpiresAt > now ? Serializer.Deserialize(kept.Ticket) : null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
        var row = await db.UserSessions.AsNoTracking()
            .Where(s => s.Id == key && s.ExpiresAt > now)
            .Select(s => new KeptSession(s.UserId, s.Ticket, s.ExpiresAt))
            .FirstOrDefaultAsync();
        if (row is null)
        {
            return null;
        }

        await KeepAsync(key, row);
        return Serializer.Deserialize(row.Ticket);
    }

    public async Task RemoveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
        if (await db.UserSessions.FirstOrDefaultAsync(s => s.Id == key) is { } session)
        {
            db.UserSessions.Remove(session);
            await db.SaveChangesAsync();
        }
    }

    private Task KeepAsync(string key, KeptSession session) =>
        cache.SetAsync(MemoryKey(key), session, [], CacheLevel.Shared, KeptFor,
            CancellationToken.None, 512 + session.Ticket.Length).AsTask();

    private static string MemoryKey(string key) => CacheTags.SessionKey(key);

    private DateTimeOffset ExpiryOf(AuthenticationTicket ticket) =>
        ticket.Properties.ExpiresUtc ?? clock.GetUtcNow().AddDays(14);

    private static string UserIdOf(AuthenticationTicket ticket) =>
        ticket.Principal.FindFirst(new IdentityOptions().ClaimsIdentity.UserIdClaimType)?.Value
        ?? throw new InvalidOperationException("A session ticket must carry a user id.");
}

/// <summary>Ends sessions by user: every device, or every device but the one making the change.</summary>
public sealed class UserSessions(BlogDbContext db, IOptionsMonitor<CookieAuthenticationOptions> cookieOptions)
{
    // The cookie handler puts the session key in this claim of the ticket it writes to the cookie.
    private const string SessionIdClaim = "Microsoft.AspNetCore.Authentication.Cookies-SessionId";

    public Task<int> EndAllAsync(string userId, CancellationToken cancellationToken) => EndAllExceptAsync(userId, null, cancellationToken);

    /// <summary>Deletes the sessions as entities: the save evicts the user's kept sessions on every instance.</summary>
    public async Task<int> EndAllExceptAsync(string userId, string? keepSessionId, CancellationToken cancellationToken)
    {
        var ended = await db.UserSessions.Where(s => s.UserId == userId && s.Id != keepSessionId).ToListAsync(cancellationToken);
        db.UserSessions.RemoveRange(ended);
        await db.SaveChangesAsync(cancellationToken);
        return ended.Count;
    }

    /// <summary>
    /// The session key of the request's own cookie. The cookie handler renews, never re-creates, the current
    /// session on sign-in, so a flow that ends "all other" sessions must know which one to keep.
    /// </summary>
    public string? CurrentSessionId(HttpContext context)
    {
        var options = cookieOptions.Get(IdentityConstants.ApplicationScheme);
        var cookie = options.CookieManager.GetRequestCookie(context, options.Cookie.Name!);
        return cookie is null ? null : options.TicketDataFormat.Unprotect(cookie)?.Principal.FindFirst(SessionIdClaim)?.Value;
    }

    public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        db.UserSessions.Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
}

/// <summary>
/// The session cookie, decrypted once a minute rather than on every request. With the ticket kept on the server, the
/// cookie only carries the session's key (and its expiry), and the same cookie comes back on every request of a
/// session: what it decrypts to is kept in memory under the cookie itself, which nobody but its holder knows. The
/// session behind it is still looked up (and can be ended) on every request.
/// </summary>
public sealed class KeptCookieFormat(ISecureDataFormat<AuthenticationTicket> inner, SiteCache cache) : ISecureDataFormat<AuthenticationTicket>
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(1);

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null || purpose is not null)
        {
            return inner.Unprotect(protectedText, purpose);
        }

        // Only in this instance's memory: a decrypted ticket is never written to Redis under its cookie.
        var key = $"cookie:{protectedText}";
        if (cache.TryGet<AuthenticationTicket>(key, CacheLevel.Memory, out var kept) && kept is not null)
        {
            return kept;
        }

        var ticket = inner.Unprotect(protectedText);
        if (ticket is not null)
        {
            cache.Set(key, ticket, [], CacheLevel.Memory, KeptFor, 2048 + protectedText.Length);
        }

        return ticket;
    }
}
