using Blog.Web.Domain;
using Blog.Web.Services.Subscriptions;

namespace Blog.Web.Pages.Admin;

/// <summary>How the admin pages name a code's state, in one place for the list and the code's own page.</summary>
public static class GiftCodeState
{
    public static string Of(GiftCodeLine code, DateTimeOffset now, SiteTime time) => code switch
    {
        { DisabledAt: { } at } => $"Stopped {time.ShortDate(at)}",
        { ExpiresAt: { } expires } when expires <= now => $"Expired {time.ShortDate(expires)}",
        { UsesLeft: 0 } => "Used up",
        { ExpiresAt: { } expires } => $"Active until {time.Text(expires)}",
        _ => "Active",
    };
}
