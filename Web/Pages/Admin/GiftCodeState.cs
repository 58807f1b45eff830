using Blog.Web.Services.Subscriptions;

namespace Blog.Web.Pages.Admin;

/// <summary>How the admin pages name a code's state, in one place for the list and the code's own page.</summary>
public static class GiftCodeState
{
    public static string Of(GiftCodeLine code, DateTimeOffset now) => code switch
    {
        { DisabledAt: { } at } => $"Stopped {at:d MMM yyyy}",
        { ExpiresAt: { } expires } when expires <= now => $"Expired {expires:d MMM yyyy}",
        { UsesLeft: 0 } => "Used up",
        { ExpiresAt: { } expires } => $"Active until {expires:d MMM yyyy}",
        _ => "Active",
    };
}
