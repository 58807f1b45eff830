using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Blog.Web.Infrastructure;

/// <summary>
/// Signing in always starts a new session key. With a server-side ticket store, the cookie handler renews the
/// session named by the request's cookie when one is present (aspnetcore#22135), so a session cookie planted in a
/// browser before sign-in (session fixation) would become the signed-in user's session, and whoever planted it
/// would share it. The sign-in page is therefore served, and its post authenticated, without the session cookie: the
/// handler finds no key and stores the new ticket under a new random one. (The page too, not only the post: its
/// antiforgery token is bound to who the request is from, and must match the anonymous post.)
/// </summary>
public static class FreshSessionOnSignIn
{
    public static IApplicationBuilder UseFreshSessionOnSignIn(this IApplicationBuilder app)
    {
        var cookies = app.ApplicationServices.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme);
        var loginPath = cookies.LoginPath;
        var cookieName = cookies.Cookie.Name!;
        return app.Use((context, next) =>
        {
            if (context.Request.Path.Equals(loginPath, StringComparison.OrdinalIgnoreCase) && context.Request.Headers.Cookie.Count > 0)
            {
                context.Request.Headers.Cookie = Without(context.Request.Headers.Cookie, cookieName);
            }

            return next(context);
        });
    }

    /// <summary>The Cookie header without the session cookie (and its chunks, which are named NAMEC1, NAMEC2, ...).</summary>
    public static StringValues Without(StringValues header, string cookieName) =>
        new(string.Join("; ", header.SelectMany(h => (h ?? "").Split(';'))
            .Select(pair => pair.Trim())
            .Where(pair => pair.Length > 0 && !IsSessionCookie(pair, cookieName))));

    private static bool IsSessionCookie(string pair, string cookieName)
    {
        var name = pair.Split('=', 2)[0].Trim();
        return name == cookieName
            || (name.StartsWith(cookieName + "C", StringComparison.Ordinal) && name.Length > cookieName.Length + 1
                && name[(cookieName.Length + 1)..].All(char.IsAsciiDigit));
    }
}
