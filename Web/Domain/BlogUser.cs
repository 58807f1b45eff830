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
    public const string Editor = "Editor";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Editor, Admin];
}
