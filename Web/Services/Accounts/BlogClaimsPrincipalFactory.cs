using System.Security.Claims;
using Blog.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Blog.Web.Services.Accounts;

public static class BlogClaims
{
    public const string DisplayName = "display_name";

    public static string DisplayNameOf(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? "";
}

/// <summary>Adds the display name to the session so the layout needs no query to greet the user.</summary>
public sealed class BlogClaimsPrincipalFactory(
    UserManager<BlogUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<BlogUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(BlogUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(BlogClaims.DisplayName, user.DisplayName));
        return identity;
    }
}
