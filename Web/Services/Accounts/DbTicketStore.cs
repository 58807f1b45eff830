using System.Security.Cryptography;
using Blog.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Blog.Web.Services.Accounts;

/// <summary>
/// Keeps authentication tickets in the database. The cookie holds a random session id; removing the row
/// (sign-out, password change, account deletion) ends that session on the server.
/// </summary>
public sealed class DbTicketStore(IServiceScopeFactory scopes, TimeProvider clock) : ITicketStore
{
    private static readonly TicketSerializer Serializer = TicketSerializer.Default;

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
        db.UserSessions.Add(new UserSession
        {
            Id = id,
            UserId = UserIdOf(ticket),
            Ticket = Serializer.Serialize(ticket),
            CreatedAt = clock.GetUtcNow(),
            ExpiresAt = ExpiryOf(ticket),
        });
        await db.SaveChangesAsync();
        return id;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
        var bytes = Serializer.Serialize(ticket);
        var expires = ExpiryOf(ticket);
        await db.UserSessions.Where(s => s.Id == key)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Ticket, bytes).SetProperty(x => x.ExpiresAt, expires));
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
        var now = clock.GetUtcNow();
        var bytes = await db.UserSessions.AsNoTracking()
            .Where(s => s.Id == key && s.ExpiresAt > now)
            .Select(s => s.Ticket)
            .FirstOrDefaultAsync();
        return bytes is null ? null : Serializer.Deserialize(bytes);
    }

    public async Task RemoveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
        await db.UserSessions.Where(s => s.Id == key).ExecuteDeleteAsync();
    }

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

    public Task<int> EndAllAsync(string userId, CancellationToken cancellationToken) =>
        db.UserSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);

    public Task<int> EndAllExceptAsync(string userId, string? keepSessionId, CancellationToken cancellationToken) =>
        db.UserSessions.Where(s => s.UserId == userId && s.Id != keepSessionId).ExecuteDeleteAsync(cancellationToken);

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
