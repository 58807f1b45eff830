using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace Blog.Web.Domain;

/// <summary>An account. Subscriber is not a role: it is derived from <see cref="Subscription"/> records.</summary>
public sealed class BlogUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The public address of an author's page (/authors/{slug}); set when they first write an article.</summary>
    public string? AuthorSlug { get; set; }
}

public static class Roles
{
    /// <summary>Writes and publishes articles, keeps case records, moderates.</summary>
    public const string Editor = "Editor";

    /// <summary>Legal staff: work the moderation queues and the suppression orders; they do not publish.</summary>
    public const string Legal = "Legal";

    /// <summary>Everything an editor does, plus accounts, roles, word lists, ads and gift codes.</summary>
    public const string Admin = "Admin";

    /// <summary>Every role; each makes its holder staff (reads everything, sees no ads, wears the staff badge).</summary>
    public static readonly IReadOnlyList<string> All = [Editor, Legal, Admin];

    /// <summary>The roles that publish (the newsroom).</summary>
    public static readonly IReadOnlyList<string> Newsroom = [Editor, Admin];

    /// <summary>The roles that moderate comments and keep the suppression orders.</summary>
    public static readonly IReadOnlyList<string> Moderators = [Editor, Legal, Admin];

    public static bool IsStaff(ClaimsPrincipal user) => All.Any(user.IsInRole);

    public static bool InNewsroom(ClaimsPrincipal user) => Newsroom.Any(user.IsInRole);

    public static bool Moderates(ClaimsPrincipal user) => Moderators.Any(user.IsInRole);

    /// <summary>What a role lets its holder do, in the words the admin pages use.</summary>
    public static string Describe(string role) => role switch
    {
        Editor => "writes and publishes articles, keeps case records, moderates comments",
        Legal => "moderates comments and keeps suppression orders; does not publish",
        Admin => "everything an editor does, plus accounts, roles, settings, ads and gift codes",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Not a role of this site."),
    };
}

/// <summary>
/// An account locked by an admin, as opposed to one locked for a while after failed sign-ins: Identity's lockout end
/// is set so far ahead that only an admin's unlock ends it.
/// </summary>
public static class AccountLock
{
    public static readonly DateTimeOffset ByStaff = new(3000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static bool IsByStaff(DateTimeOffset? lockoutEnd) => lockoutEnd >= ByStaff;
}
