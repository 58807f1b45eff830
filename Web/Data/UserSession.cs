namespace Blog.Web.Data;

/// <summary>
/// A signed-in session kept on the server: the cookie carries only <see cref="Id"/>, so signing out,
/// changing a password or banning a user ends the session for real (a copied cookie is worthless).
/// </summary>
public sealed class UserSession
{
    public string Id { get; set; } = "";

    public string UserId { get; set; } = "";

    public byte[] Ticket { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
