using System.Security.Cryptography;
using Blog.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.Options;

namespace Blog.Web.Services.Accounts;

/// <summary>
/// Keeps authentication tickets in the database. The cookie holds a random session id; removing the row
/// (sign-out, password change, account deletion) ends that session on the server.
/// Every signed-in request reads its ticket, so tickets are also kept in memory for a minute after use: ending
/// a session (one, or all of a user's) takes it out of memory at the same moment as out of the database. With
/// several instances, another instance may hold a session it has already read for up to that minute; the shared
/// cache of the scale-out setup is the place to end it everywhere at once.
/// </summary>
public sealed class DbTicketStore(IServiceScopeFactory scopes, TimeProvider clock, IMemoryCache memory) : ITicketStore
{
    private static readonly TicketSerializer Serializer = TicketSerializer.Default;
    private static readonly TimeSpan MemoryLifetime = TimeSpan.FromMinutes(1);

    // One token per user with sessions in memory: cancelling it drops all of that user's sessions from memory. It is
    // kept (in the same cache) a little longer than any session it covers, then goes, so it does not pile up.
    private static readonly TimeSpan TokenLifetime = MemoryLifetime * 2;

    private sealed record Cached(string UserId, byte[] Ticket, DateTimeOffset ExpiresAt);

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
        Remember(id, new Cached(session.UserId, session.Ticket, session.ExpiresAt));
        return id;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
        var bytes = Serializer.Serialize(ticket);
        var expires = ExpiryOf(ticket);
        memory.Remove(MemoryKey(key));
        var renewed = await db.UserSessions.Where(s => s.Id == key)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Ticket, bytes).SetProperty(x => x.ExpiresAt, expires));
        if (renewed > 0)
        {
            Remember(key, new Cached(UserIdOf(ticket), bytes, expires));
        }
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        var now = clock.GetUtcNow();
        if (memory.TryGetValue(MemoryKey(key), out Cached? cached) && cached is not null)
        {
            return cached.ExpiresAt > now ? Serializer.Deserialize(cached.Ticket) : null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
        var row = await db.UserSessions.AsNoTracking()
            .Where(s => s.Id == key && s.ExpiresAt > now)
            .Select(s => new Cached(s.UserId, s.Ticket, s.ExpiresAt))
            .FirstOrDefaultAsync();
        if (row is null)
        {
            return null;
        }

        Remember(key, row);
        return Serializer.Deserialize(row.Ticket);
    }

    public async Task RemoveAsync(string key)
    {
        memory.Remove(MemoryKey(key));
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
        await db.UserSessions.Where(s => s.Id == key).ExecuteDeleteAsync();
    }

    /// <summary>Drops every session of a user from memory; called when their sessions are ended in the database.</summary>
    public void Forget(string userId)
    {
        if (memory.TryGetValue(TokenKey(userId), out CancellationTokenSource? token) && token is not null)
        {
            memory.Remove(TokenKey(userId));
            token.Cancel();
        }
    }

    private void Remember(string key, Cached session)
    {
        // Sliding: every session kept renews it, so it outlives them all. Ended meanwhile, the entry is born expired.
        var token = memory.GetOrCreate(TokenKey(session.UserId), entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = TokenLifetime;
            return new CancellationTokenSource();
        })!;
        memory.Set(MemoryKey(key), session, new MemoryCacheEntryOptions
        {
            Size = 1,
            AbsoluteExpirationRelativeToNow = MemoryLifetime,
            ExpirationTokens = { new CancellationChangeToken(token.Token) },
        });
    }

    private static string MemoryKey(string key) => $"session:{key}";

    private static string TokenKey(string userId) => $"session-user:{userId}";

    private DateTimeOffset ExpiryOf(AuthenticationTicket ticket) =>
        ticket.Properties.ExpiresUtc ?? clock.GetUtcNow().AddDays(14);

    private static string UserIdOf(AuthenticationTicket ticket) =>
        ticket.Principal.FindFirst(new IdentityOptions().ClaimsIdentity.UserIdClaimType)?.Value
        ?? throw new InvalidOperationException("A session ticket must carry a user id.");
}

/// <summary>Ends sessions by user: every device, or every device but the one making the change.</summary>
public sealed class UserSessions(BlogDbContext db, DbTicketStore store, IOptionsMonitor<CookieAuthenticationOptions> cookieOptions)
{
    // The cookie handler puts the session key in this claim of the ticket it writes to the cookie.
    private const string SessionIdClaim = "Microsoft.AspNetCore.Authentication.Cookies-SessionId";

    public async Task<int> EndAllAsync(string userId, CancellationToken cancellationToken)
    {
        store.Forget(userId);
        var ended = await db.UserSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        store.Forget(userId);
        return ended;
    }

    public async Task<int> EndAllExceptAsync(string userId, string? keepSessionId, CancellationToken cancellationToken)
    {
        store.Forget(userId);
        var ended = await db.UserSessions.Where(s => s.UserId == userId && s.Id != keepSessionId).ExecuteDeleteAsync(cancellationToken);
        store.Forget(userId);
        return ended;
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
public sealed class KeptCookieFormat(ISecureDataFormat<AuthenticationTicket> inner, IMemoryCache memory) : ISecureDataFormat<AuthenticationTicket>
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

        var key = $"cookie:{protectedText}";
        if (memory.TryGetValue(key, out AuthenticationTicket? kept) && kept is not null)
        {
            return kept;
        }

        var ticket = inner.Unprotect(protectedText);
        if (ticket is not null)
        {
            memory.Set(key, ticket, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = KeptFor, Size = 1 });
        }

        return ticket;
    }
}
