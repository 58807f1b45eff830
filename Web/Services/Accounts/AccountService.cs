using System.Net;
using Blog.Web.Configuration;
using Blog.Web.Data;
using Blog.Web.Domain;
using Blog.Web.Services.Settings;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Blog.Web.Services.Accounts;

public sealed record AccountResult(bool Succeeded, IReadOnlyList<string> Errors)
{
    public static readonly AccountResult Success = new(true, []);

    public static AccountResult Failed(params string[] errors) => new(false, errors);

    public static AccountResult From(IdentityResult result) =>
        result.Succeeded ? Success : new(false, result.Errors.Select(e => e.Description).ToList());
}

/// <summary>What a sign-in attempt came to; the page says each in words, and none says more than the password earns.</summary>
public enum SignInOutcome
{
    SignedIn,
    WrongCredentials,
    EmailNotConfirmed,
    LockedOut,
}

public sealed record SignInResult(SignInOutcome Outcome, string? UserId = null, DateTimeOffset? LockedUntil = null);

/// <summary>The current password typed on an account page: right, wrong (counted towards lockout), or the account is locked.</summary>
public enum PasswordCheck
{
    Right,
    Wrong,
    LockedOut,
}

/// <summary>Builds the local path of a link for an email from a user id and a token (the page knows its routes); the service makes it absolute from <c>Site:BaseUrl</c>.</summary>
public delegate string TokenLink(string userId, string token);

/// <summary>Account flows that need more than one Identity call: registration, email, deletion.</summary>
public sealed class AccountService(
    UserManager<BlogUser> users,
    SignInManager<BlogUser> signIn,
    BlogDbContext db,
    IMailSender mail,
    UserSessions sessions,
    IOptions<SiteOptions> site,
    SiteSettingsStore settings,
    TimeProvider clock,
    ILogger<AccountService> logger)
{
    public static string EncodeToken(string token) => WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(token));

    public static string? DecodeToken(string? encoded)
    {
        try
        {
            return encoded is null ? null : System.Text.Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(encoded));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    // Verified against when the email names no account, so an unknown address costs as long as a known one.
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<BlogUser>().HashPassword(new BlogUser(), Guid.NewGuid().ToString()));

    /// <summary>
    /// Signs in with email and password. The password is checked before anything else is said: whether the email is
    /// unconfirmed or the account locked is told only to someone who knows the password, so neither reveals that an
    /// address has an account. Every wrong password counts towards lockout.
    /// </summary>
    public async Task<SignInResult> SignInAsync(string email, string password, bool remember)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new BlogUser(), DummyHash.Value, password);
            logger.LogWarning("Sign-in failed: no such account");
            return new(SignInOutcome.WrongCredentials);
        }

        if (await users.IsLockedOutAsync(user) || !await users.IsEmailConfirmedAsync(user))
        {
            var check = await CheckCurrentPasswordAsync(user, password);
            if (check is PasswordCheck.Wrong || (check is PasswordCheck.LockedOut && !await users.CheckPasswordAsync(user, password)))
            {
                logger.LogWarning("Sign-in failed for account {UserId}: wrong password", user.Id);
                return new(SignInOutcome.WrongCredentials, user.Id);
            }

            if (check is PasswordCheck.LockedOut)
            {
                logger.LogWarning("Sign-in refused for account {UserId}: locked out", user.Id);
                return new(SignInOutcome.LockedOut, user.Id, await users.GetLockoutEndDateAsync(user));
            }

            logger.LogInformation("Sign-in refused for account {UserId}: email not confirmed", user.Id);
            return new(SignInOutcome.EmailNotConfirmed, user.Id);
        }

        var result = await signIn.PasswordSignInAsync(user, password, remember, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("Account {UserId} signed in", user.Id);
            return new(SignInOutcome.SignedIn, user.Id);
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("Account {UserId} locked out after failed sign-ins", user.Id);
            return new(SignInOutcome.LockedOut, user.Id, await users.GetLockoutEndDateAsync(user));
        }

        logger.LogWarning("Sign-in failed for account {UserId}: wrong password", user.Id);
        return new(SignInOutcome.WrongCredentials, user.Id);
    }

    /// <summary>
    /// The current password on an account page (change email, change password, delete): a wrong one counts as a
    /// failed sign-in, so these forms cannot be used to guess a password past the lockout.
    /// </summary>
    public async Task<PasswordCheck> CheckCurrentPasswordAsync(BlogUser user, string password)
    {
        if (await users.IsLockedOutAsync(user))
        {
            return PasswordCheck.LockedOut;
        }

        if (await users.CheckPasswordAsync(user, password))
        {
            await users.ResetAccessFailedCountAsync(user);
            return PasswordCheck.Right;
        }

        await users.AccessFailedAsync(user);
        if (await users.IsLockedOutAsync(user))
        {
            logger.LogWarning("Account {UserId} locked out after failed password checks", user.Id);
            return PasswordCheck.LockedOut;
        }

        logger.LogWarning("Password check failed for account {UserId}", user.Id);
        return PasswordCheck.Wrong;
    }

    private static AccountResult Refusal(PasswordCheck check) => check is PasswordCheck.LockedOut
        ? AccountResult.Failed("Too many wrong passwords: this account is locked for a while. You can reset your password meanwhile.")
        : AccountResult.Failed("Your current password is not right.");

    /// <summary>
    /// Registers an account. An email that already has one gets the same answer as a new one (so the form does not
    /// tell who has an account here), and its owner is mailed instead.
    /// </summary>
    public async Task<AccountResult> RegisterAsync(string displayName, string email, string password, TokenLink confirmLink, string signInPath, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(email.Trim()) is { Email: not null } existing)
        {
            logger.LogInformation("Registration attempted for existing account {UserId}", existing.Id);
            await mail.SendAsync(Compose(existing.Email, $"Someone tried to register with your email at {(await settings.CurrentAsync(cancellationToken)).Name}",
                $"Hello {existing.DisplayName},",
                "Someone (perhaps you) tried to create an account with this email address, which already has one. If it was you, sign in here, or use \"Forgotten your password?\" on that page:",
                site.Value.Link(signInPath), "Sign in",
                "If it was not you, ignore this message: nothing has changed."), cancellationToken);
            return AccountResult.Success;
        }

        var user = new BlogUser
        {
            DisplayName = displayName.Trim(),
            UserName = email.Trim(),
            Email = email.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            // Identity reports a taken email as DuplicateUserName too; say it once.
            var errors = result.Errors.Where(e => e.Code != nameof(IdentityErrorDescriber.DuplicateUserName))
                .Select(e => e.Description).ToList();
            return AccountResult.Failed([.. errors]);
        }

        logger.LogInformation("Account {UserId} registered", user.Id);
        await SendConfirmationAsync(user, confirmLink, cancellationToken);
        return AccountResult.Success;
    }

    public async Task SendConfirmationAsync(BlogUser user, TokenLink confirmLink, CancellationToken cancellationToken)
    {
        var token = EncodeToken(await users.GenerateEmailConfirmationTokenAsync(user));
        var link = site.Value.Link(confirmLink(user.Id, token));
        await mail.SendAsync(Compose(user.Email!, $"Confirm your email for {(await settings.CurrentAsync(cancellationToken)).Name}",
            $"Hello {user.DisplayName},",
            "Please confirm your email address to finish creating your account:", link, "Confirm my email",
            "If you did not create an account, you can ignore this message."), cancellationToken);
    }

    /// <summary>Sends a reset link if the address belongs to a confirmed account; says nothing either way.</summary>
    public async Task SendPasswordResetAsync(string email, TokenLink resetLink, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || !await users.IsEmailConfirmedAsync(user))
        {
            return;
        }

        var token = EncodeToken(await users.GeneratePasswordResetTokenAsync(user));
        await mail.SendAsync(Compose(user.Email!, $"Reset your {(await settings.CurrentAsync(cancellationToken)).Name} password",
            $"Hello {user.DisplayName},",
            "Someone asked to reset the password for your account. If it was you, choose a new password here:",
            site.Value.Link(resetLink(user.Id, token)), "Choose a new password",
            "If it was not you, ignore this message: your password has not changed."), cancellationToken);
    }

    public async Task<AccountResult> ResetPasswordAsync(string email, string? encodedToken, string password, CancellationToken cancellationToken)
    {
        var token = DecodeToken(encodedToken);
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || token is null)
        {
            return AccountResult.Failed("This reset link is not valid any more. Ask for a new one.");
        }

        var result = await users.ResetPasswordAsync(user, token, password);
        if (result.Succeeded)
        {
            await sessions.EndAllAsync(user.Id, cancellationToken);
            await users.ResetAccessFailedCountAsync(user);
            await users.SetLockoutEndDateAsync(user, null);
        }

        return result.Succeeded ? AccountResult.Success
            : result.Errors.Any(e => e.Code == "InvalidToken")
                ? AccountResult.Failed("This reset link is not valid any more. Ask for a new one.")
                : AccountResult.From(result);
    }

    public async Task<AccountResult> ConfirmEmailAsync(string userId, string? encodedToken)
    {
        var token = DecodeToken(encodedToken);
        var user = await users.FindByIdAsync(userId);
        if (user is null || token is null)
        {
            return AccountResult.Failed("This confirmation link is not valid.");
        }

        var result = await users.ConfirmEmailAsync(user, token);
        return result.Succeeded ? AccountResult.Success : AccountResult.Failed("This confirmation link is not valid or has expired.");
    }

    public async Task<AccountResult> RequestEmailChangeAsync(BlogUser user, string currentPassword, string newEmail, Func<string, string, string, string> changeLink, CancellationToken cancellationToken)
    {
        newEmail = newEmail.Trim();
        if (await CheckCurrentPasswordAsync(user, currentPassword) is not PasswordCheck.Right and var check)
        {
            return Refusal(check);
        }

        if (string.Equals(user.Email, newEmail, StringComparison.OrdinalIgnoreCase))
        {
            return AccountResult.Failed("That is already your email address.");
        }

        if (await users.FindByEmailAsync(newEmail) is not null)
        {
            return AccountResult.Failed("Another account uses that email address.");
        }

        var token = EncodeToken(await users.GenerateChangeEmailTokenAsync(user, newEmail));
        await mail.SendAsync(Compose(newEmail, $"Confirm your new email for {(await settings.CurrentAsync(cancellationToken)).Name}",
            $"Hello {user.DisplayName},",
            "Confirm this address to make it the email of your account:", site.Value.Link(changeLink(user.Id, newEmail, token)),
            "Confirm my new email", "If you did not ask for this, ignore this message."), cancellationToken);
        return AccountResult.Success;
    }

    public async Task<AccountResult> ConfirmEmailChangeAsync(string userId, string newEmail, string? encodedToken, CancellationToken cancellationToken)
    {
        var token = DecodeToken(encodedToken);
        var user = await users.FindByIdAsync(userId);
        if (user is null || token is null)
        {
            return AccountResult.Failed("This confirmation link is not valid.");
        }

        var result = await users.ChangeEmailAsync(user, newEmail, token);
        if (!result.Succeeded)
        {
            return AccountResult.Failed("This confirmation link is not valid or has expired.");
        }

        // The email is the sign-in name here.
        var renamed = await users.SetUserNameAsync(user, newEmail);
        if (renamed.Succeeded)
        {
            await sessions.EndAllAsync(user.Id, cancellationToken);
        }

        return AccountResult.From(renamed);
    }

    public async Task<AccountResult> ChangePasswordAsync(BlogUser user, string currentPassword, string newPassword, string? currentSessionId, CancellationToken cancellationToken)
    {
        if (await CheckCurrentPasswordAsync(user, currentPassword) is not PasswordCheck.Right and var check)
        {
            return Refusal(check);
        }

        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!result.Succeeded)
        {
            return AccountResult.From(result);
        }

        // Every other device is signed out; this session is kept and refreshed by the page.
        await sessions.EndAllExceptAsync(user.Id, currentSessionId, cancellationToken);
        return AccountResult.Success;
    }

    public async Task<AccountResult> UpdateDisplayNameAsync(BlogUser user, string displayName)
    {
        user.DisplayName = displayName.Trim();
        return AccountResult.From(await users.UpdateAsync(user));
    }

    /// <summary>
    /// Deletes the account. Someone who has written comments or articles is anonymised instead, so threads keep
    /// their shape: the row stays with no email, no name ("[deleted]") and no way to sign in.
    /// </summary>
    public async Task<AccountResult> DeleteAsync(BlogUser user, string password, CancellationToken cancellationToken)
    {
        if (await CheckCurrentPasswordAsync(user, password) is not PasswordCheck.Right and var check)
        {
            return Refusal(check);
        }

        await sessions.EndAllAsync(user.Id, cancellationToken);
        var hasContent = await db.Comments.AnyAsync(c => c.AuthorId == user.Id, cancellationToken)
            || await db.Articles.AnyAsync(a => a.AuthorId == user.Id, cancellationToken);
        if (!hasContent)
        {
            var deleted = await users.DeleteAsync(user);
            logger.LogInformation("Account {UserId} deleted", user.Id);
            return AccountResult.From(deleted);
        }

        await db.Subscriptions.Where(s => s.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        var placeholder = $"deleted-{Guid.NewGuid():N}";
        user.DisplayName = "[deleted]";
        user.UserName = placeholder;
        user.NormalizedUserName = placeholder.ToUpperInvariant();
        user.Email = null;
        user.NormalizedEmail = null;
        user.EmailConfirmed = false;
        user.PasswordHash = null;
        user.PhoneNumber = null;
        user.LockoutEnabled = true;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        var logins = await users.GetLoginsAsync(user);
        foreach (var login in logins)
        {
            await users.RemoveLoginAsync(user, login.LoginProvider, login.ProviderKey);
        }

        var roles = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, roles);
        var result = await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        logger.LogInformation("Account {UserId} anonymised on deletion", user.Id);
        return AccountResult.From(result);
    }

    private static OutgoingMail Compose(string to, string subject, string greeting, string lead, string link, string action, string footer)
    {
        var text = $"{greeting}\n\n{lead}\n\n{link}\n\n{footer}\n";
        var html = $"<p>{WebUtility.HtmlEncode(greeting)}</p><p>{WebUtility.HtmlEncode(lead)}</p>"
            + $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(action)}</a></p>"
            + $"<p>{WebUtility.HtmlEncode(footer)}</p>";
        return new OutgoingMail(to, subject, text, html);
    }
}
