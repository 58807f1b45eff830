using System.Security.Cryptography;
using Blog.Web.Configuration;
using Blog.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Blog.Web.Services.Accounts;

public sealed record CreateAdminOutcome(bool Succeeded, bool Created, string? GeneratedPassword, IReadOnlyList<string> Errors);

/// <summary>
/// There is no default admin account. The first admin is made at deploy time, either by the
/// <c>create-admin EMAIL</c> command or by naming an existing account in <c>BootstrapAdmin:Email</c>.
/// </summary>
public sealed class AdminBootstrap(
    UserManager<BlogUser> users,
    RoleManager<IdentityRole> roles,
    UserSessions sessions,
    IOptions<BootstrapAdminOptions> options,
    TimeProvider clock,
    ILogger<AdminBootstrap> logger)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    /// <summary>Promotes the configured account, if it exists, to Admin (idempotent).</summary>
    public async Task PromoteConfiguredAdminAsync(CancellationToken cancellationToken)
    {
        await EnsureRolesAsync();
        if (string.IsNullOrWhiteSpace(options.Value.Email))
        {
            return;
        }

        var user = await users.FindByEmailAsync(options.Value.Email);
        if (user is null)
        {
            logger.LogWarning("BootstrapAdmin:Email names no account yet; register it, then restart");
            return;
        }

        if (!await users.IsInRoleAsync(user, Roles.Admin))
        {
            await users.AddToRoleAsync(user, Roles.Admin);
            await sessions.EndAllAsync(user.Id, cancellationToken);
            logger.LogInformation("Account {UserId} made Admin from configuration", user.Id);
        }
    }

    /// <summary>Creates the account if needed (confirmed, with the given or a generated password) and makes it Admin.</summary>
    public async Task<CreateAdminOutcome> CreateAdminAsync(string email, string? password, CancellationToken cancellationToken)
    {
        await EnsureRolesAsync();
        var user = await users.FindByEmailAsync(email);
        string? generated = null;
        var created = false;
        if (user is null)
        {
            generated = password is null ? GeneratePassword() : null;
            user = new BlogUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = "Administrator",
                CreatedAt = clock.GetUtcNow(),
            };
            var result = await users.CreateAsync(user, password ?? generated!);
            if (!result.Succeeded)
            {
                return new CreateAdminOutcome(false, false, null, result.Errors.Select(e => e.Description).ToList());
            }

            created = true;
        }

        if (!await users.IsInRoleAsync(user, Roles.Admin))
        {
            var result = await users.AddToRoleAsync(user, Roles.Admin);
            if (!result.Succeeded)
            {
                return new CreateAdminOutcome(false, created, null, result.Errors.Select(e => e.Description).ToList());
            }

            await sessions.EndAllAsync(user.Id, cancellationToken);
        }

        return new CreateAdminOutcome(true, created, generated, []);
    }

    private static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var chars = new char[24];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        }

        return string.Join('-', new string(chars).Chunk(6).Select(c => new string(c)));
    }
}
