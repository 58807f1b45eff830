using System.Security.Cryptography;
using System.Text;
using Blog.Web.Data;
using Blog.Web.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Blog.Web.Services.Accounts;

/// <summary>Who acts, from which session (kept when they lower their own rights), and why.</summary>
public sealed record AdminActor(string Id, string? SessionId, string Reason);

public enum AdminOutcomeKind
{
    Done = 0,
    Refused = 1,

    /// <summary>The change lowers the actor's own rights: it waits for them to confirm it.</summary>
    NeedsConfirmation = 2,

    /// <summary>Done, and the actor lowered their own rights: the current sign-in now carries the new ones.</summary>
    DoneOnSelf = 3,
}

public sealed record AdminOutcome(AdminOutcomeKind Kind, string Message)
{
    public bool Succeeded => Kind is AdminOutcomeKind.Done or AdminOutcomeKind.DoneOnSelf;

    public static AdminOutcome Refused(string message) => new(AdminOutcomeKind.Refused, message);
}

/// <summary>A session as an admin sees it: a handle that is not the session's key, when it began, when it ends.</summary>
public sealed record SessionLine(string Handle, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, bool IsActorsOwn);

public sealed record AccountEventLine(AccountEventKind Kind, string Detail, string Reason, string ActorName, DateTimeOffset At);

public sealed record AccountDetail(
    IReadOnlyList<string> Roles,
    bool EmailConfirmed,
    DateTimeOffset? LockedUntil,
    bool LockedByStaff,
    IReadOnlyList<SessionLine> Sessions,
    IReadOnlyList<AccountEventLine> Events);

/// <summary>
/// What an admin changes about a person's rights and access: roles, the lock, sessions, the confirmation mail. Every
/// change is on the account's record with its actor and reason. A change that lowers someone's rights ends their
/// other sessions at once; one that raises them rewrites their sessions in place, so the new role works on the next
/// request without signing in again.
/// </summary>
public sealed class AccountAdministration(
    BlogDbContext db,
    UserManager<BlogUser> users,
    SignInManager<BlogUser> signIn,
    IUserClaimsPrincipalFactory<BlogUser> principals,
    UserSessions sessions,
    AccountService accounts,
    TimeProvider clock,
    ILogger<AccountAdministration> logger)
{
    public async Task<AccountDetail> DetailAsync(BlogUser user, string? actorSessionId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var roles = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList();
        var rows = await db.UserSessions.AsNoTracking().Where(s => s.UserId == user.Id && s.ExpiresAt > now)
            .OrderByDescending(s => s.CreatedAt).Select(s => new { s.Id, s.CreatedAt, s.ExpiresAt }).Take(100).ToListAsync(cancellationToken);
        var events = await (from e in db.AccountEvents.AsNoTracking()
                            where e.UserId == user.Id
                            orderby e.CreatedAt descending, e.Id descending
                            join a in db.Users on e.ActorId equals a.Id into actors
                            from a in actors.DefaultIfEmpty()
                            select new AccountEventLine(e.Kind, e.Detail, e.Reason, a == null ? "a former admin" : a.DisplayName, e.CreatedAt))
            .Take(100).ToListAsync(cancellationToken);
        var locked = user.LockoutEnd > now ? user.LockoutEnd : null;
        return new AccountDetail(roles, user.EmailConfirmed, locked, AccountLock.IsByStaff(locked),
            rows.Select(s => new SessionLine(Handle(s.Id), s.CreatedAt, s.ExpiresAt, s.Id == actorSessionId)).ToList(), events);
    }

    /// <summary>
    /// Gives or removes a role. Never removes the last admin; an admin lowering their own rights must confirm first,
    /// and keeps the session they did it from (with the new rights).
    /// </summary>
    public async Task<AdminOutcome> ChangeRoleAsync(BlogUser user, string role, bool give, bool confirmed, AdminActor actor, CancellationToken cancellationToken)
    {
        if (!Roles.All.Contains(role))
        {
            return AdminOutcome.Refused("That is not one of the site's roles.");
        }

        if (Refusal(actor.Reason) is { } refusal)
        {
            return refusal;
        }

        var has = await users.IsInRoleAsync(user, role);
        if (has == give)
        {
            return AdminOutcome.Refused(give ? $"{user.DisplayName} is already {Article(role)}." : $"{user.DisplayName} is not {Article(role)}.");
        }

        var self = user.Id == actor.Id;
        if (!give && role == Roles.Admin && (await users.GetUsersInRoleAsync(Roles.Admin)).Count <= 1)
        {
            return AdminOutcome.Refused("This is the site's only admin: make someone else an admin before removing this role.");
        }

        if (!give && self && !confirmed)
        {
            return new AdminOutcome(AdminOutcomeKind.NeedsConfirmation, $"You are about to remove your own {role} role.");
        }

        var result = give ? await users.AddToRoleAsync(user, role) : await users.RemoveFromRoleAsync(user, role);
        if (!result.Succeeded)
        {
            return AdminOutcome.Refused(string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        Record(user.Id, actor, give ? AccountEventKind.RoleGranted : AccountEventKind.RoleRemoved, role);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Account {UserId}: role {Role} {Change} by {ActorId}", user.Id, role, give ? "given" : "removed", actor.Id);

        if (give)
        {
            await RewriteSessionsAsync(user, cancellationToken);
            return new AdminOutcome(AdminOutcomeKind.Done, $"{user.DisplayName} is now {Article(role)}: the role works in their open sessions from their next page.");
        }

        if (!self)
        {
            var ended = await sessions.EndAllAsync(user.Id, cancellationToken);
            return new AdminOutcome(AdminOutcomeKind.Done, $"{user.DisplayName} is no longer {Article(role)}; {Sessions(ended)} ended.");
        }

        var endedOthers = await sessions.EndAllExceptAsync(user.Id, actor.SessionId, cancellationToken);
        await signIn.RefreshSignInAsync(user);
        return new AdminOutcome(AdminOutcomeKind.DoneOnSelf, $"You are no longer {Article(role)}; your other {Sessions(endedOthers)} ended.");
    }

    /// <summary>Locks an account until an admin unlocks it, and ends every session it has.</summary>
    public async Task<AdminOutcome> LockAsync(BlogUser user, AdminActor actor, CancellationToken cancellationToken)
    {
        if (user.Id == actor.Id)
        {
            return AdminOutcome.Refused("You cannot lock your own account.");
        }

        if (Refusal(actor.Reason) is { } refusal)
        {
            return refusal;
        }

        if (AccountLock.IsByStaff(user.LockoutEnd))
        {
            return AdminOutcome.Refused($"{user.DisplayName}'s account is already locked.");
        }

        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, AccountLock.ByStaff);
        Record(user.Id, actor, AccountEventKind.Locked, "");
        await db.SaveChangesAsync(cancellationToken);
        var ended = await sessions.EndAllAsync(user.Id, cancellationToken);
        logger.LogInformation("Account {UserId} locked by {ActorId}", user.Id, actor.Id);
        return new AdminOutcome(AdminOutcomeKind.Done, $"{user.DisplayName}'s account is locked: they cannot sign in, and {Sessions(ended)} ended.");
    }

    public async Task<AdminOutcome> UnlockAsync(BlogUser user, AdminActor actor, CancellationToken cancellationToken)
    {
        if (Refusal(actor.Reason) is { } refusal)
        {
            return refusal;
        }

        if (!(user.LockoutEnd > clock.GetUtcNow()))
        {
            return AdminOutcome.Refused($"{user.DisplayName}'s account is not locked.");
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        Record(user.Id, actor, AccountEventKind.Unlocked, "");
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Account {UserId} unlocked by {ActorId}", user.Id, actor.Id);
        return new AdminOutcome(AdminOutcomeKind.Done, $"{user.DisplayName}'s account is unlocked: they can sign in again.");
    }

    /// <summary>Ends one session (by its handle) or, with no handle, every session but the actor's own.</summary>
    public async Task<AdminOutcome> EndSessionsAsync(BlogUser user, string? handle, AdminActor actor, CancellationToken cancellationToken)
    {
        if (Refusal(actor.Reason) is { } refusal)
        {
            return refusal;
        }

        var open = await db.UserSessions.Where(s => s.UserId == user.Id && s.Id != actor.SessionId).ToListAsync(cancellationToken);
        var chosen = handle is null ? open : open.Where(s => Handle(s.Id) == handle).ToList();
        if (chosen.Count == 0)
        {
            return AdminOutcome.Refused(handle is null ? "There are no sessions to end." : "That session has already ended.");
        }

        // Deleted as entities: the save evicts the kept tickets on every instance.
        db.UserSessions.RemoveRange(chosen);
        Record(user.Id, actor, AccountEventKind.SessionsEnded, Sessions(chosen.Count));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Account {UserId}: {Count} sessions ended by {ActorId}", user.Id, chosen.Count, actor.Id);
        return new AdminOutcome(AdminOutcomeKind.Done, $"{Capitalised(Sessions(chosen.Count))} of {user.DisplayName}'s ended.");
    }

    public async Task<AdminOutcome> ResendConfirmationAsync(BlogUser user, TokenLink confirmLink, AdminActor actor, CancellationToken cancellationToken)
    {
        if (user.EmailConfirmed)
        {
            return AdminOutcome.Refused($"{user.DisplayName} has already confirmed their address.");
        }

        await accounts.SendConfirmationAsync(user, confirmLink, cancellationToken);
        Record(user.Id, actor, AccountEventKind.ConfirmationResent, user.Email ?? "");
        await db.SaveChangesAsync(cancellationToken);
        return new AdminOutcome(AdminOutcomeKind.Done, $"A new confirmation link is on its way to {user.Email}.");
    }

    /// <summary>A stable handle for a session that does not reveal its key.</summary>
    public static string Handle(string sessionId) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sessionId)))[..16].ToLowerInvariant();

    // Every open session gets a ticket drawn afresh from the account, so a new role counts on its next request.
    private async Task RewriteSessionsAsync(BlogUser user, CancellationToken cancellationToken)
    {
        var principal = await principals.CreateAsync(user);
        var open = await db.UserSessions.Where(s => s.UserId == user.Id && s.ExpiresAt > clock.GetUtcNow()).ToListAsync(cancellationToken);
        foreach (var session in open)
        {
            if (TicketSerializer.Default.Deserialize(session.Ticket) is { } ticket)
            {
                session.Ticket = TicketSerializer.Default.Serialize(new AuthenticationTicket(principal, ticket.Properties, ticket.AuthenticationScheme));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private void Record(string userId, AdminActor actor, AccountEventKind kind, string detail) =>
        db.AccountEvents.Add(new AccountEvent
        {
            UserId = userId,
            ActorId = actor.Id,
            Kind = kind,
            Detail = detail.Length > AccountEvent.DetailMaxLength ? detail[..AccountEvent.DetailMaxLength] : detail,
            Reason = actor.Reason.Trim(),
            CreatedAt = clock.GetUtcNow(),
        });

    private static AdminOutcome? Refusal(string reason) => reason.Trim() switch
    {
        "" => AdminOutcome.Refused("Give a reason: it goes on the account's record."),
        { Length: > AccountEvent.ReasonMaxLength } => AdminOutcome.Refused($"Keep the reason to {AccountEvent.ReasonMaxLength} characters."),
        _ => null,
    };

    private static string Article(string role) => role == Roles.Admin ? "an admin" : role == Roles.Editor ? "an editor" : "legal staff";

    private static string Sessions(int count) => count == 1 ? "one session" : $"{count} sessions";

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
