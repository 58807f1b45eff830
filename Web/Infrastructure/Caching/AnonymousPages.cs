using Microsoft.AspNetCore.OutputCaching;

namespace Blog.Web.Infrastructure.Caching;

/// <summary>
/// Output caching for readers who are not signed in: the same bytes for everyone, for a few seconds, and evicted
/// the moment anything they show changes, by the tags each page adds for what it shows (<see cref="PageTags"/>);
/// every page carries <see cref="CacheTags.Ads"/>, as every page shows house ads. A request that
/// carries any cookie (a session, a status message, an antiforgery token) is never served from or stored in
/// the cache, so nothing personal can be cached or leak.
/// </summary>
public sealed class AnonymousPagesPolicy : IOutputCachePolicy
{
    public const string Name = "anonymous-pages";

    /// <summary>Short, so a scheduled article appears within seconds of its time even with no write to evict on.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var anonymous = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && request.Cookies.Count == 0 && !request.Headers.ContainsKey("Authorization");
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = anonymous;
        context.AllowCacheStorage = anonymous;
        // No lock around the lookup: it would cost every hit (the lookup itself runs through one shared dispatcher),
        // and a miss is cheap to draw concurrently, as the data and the drawn threads under the page are kept in
        // the site's cache with its own stampede protection.
        context.AllowLocking = false;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.HeaderNames = "X-Forwarded-Proto";
        // One stored copy per encoding the compression will choose (not per raw Accept-Encoding string).
        context.CacheVaryByRules.VaryByValues["encoding"] = PageCompression.EncodingFor(request);
        context.ResponseExpirationTimeSpan = Lifetime;
        context.Tags.Add(CacheTags.Ads);
        return ValueTask.CompletedTask;
    }

    private const string DoNotStoreKey = "output-cache:do-not-store";

    /// <summary>
    /// A page asked for by a number it does not have (?page=0, ?page=99999, ?page=x) is answered with the nearest
    /// real page, but not kept: only the pages that exist can take room in the cache.
    /// </summary>
    public static void StoreOnlyRealPage(HttpContext context, int served, int pageCount)
    {
        if (served > pageCount || (context.Request.Query.TryGetValue("page", out var asked)
            && asked.ToString() != served.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            context.Items[DoNotStoreKey] = true;
        }
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0 || context.HttpContext.Items.ContainsKey(DoNotStoreKey))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}

public static class PageTags
{
    /// <summary>
    /// Files the page being drawn under what it shows, so a write to any of them evicts it. Outside the output cache
    /// (a signed-in reader, a post) there is nothing to file, and nothing happens.
    /// </summary>
    public static void TagPage(this HttpContext context, params IEnumerable<string> tags)
    {
        if (context.Features.Get<IOutputCacheFeature>()?.Context is { AllowCacheStorage: true } output)
        {
            output.Tags.UnionWith(tags);
        }
    }

    /// <summary>A list of articles: the site's navigation, and each article it shows (a title, a comment count).</summary>
    public static void TagList(this HttpContext context, IEnumerable<int> articleIds) =>
        context.TagPage([CacheTags.Lists, .. articleIds.Select(CacheTags.Article)]);
}

public static class NoOpCookieDeletions
{
    /// <summary>
    /// TempData clears its cookie on every page that reads it, even when the request sent none. Deleting a cookie the
    /// browser does not have says nothing, so such deletions are dropped before the response starts: a cookie-less
    /// page stays cacheable (the output cache refuses responses that set cookies), and no page carries a useless
    /// header. Register after UseOutputCache.
    /// </summary>
    public static IApplicationBuilder UseNoOpCookieDeletionRemoval(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var cookies = context.Response.Headers.SetCookie;
            if (cookies.Count > 0 && cookies.Any(c => IsNoOpDeletion(c, context.Request.Cookies)))
            {
                var kept = cookies.Where(c => !IsNoOpDeletion(c, context.Request.Cookies)).ToArray();
                if (kept.Length == 0)
                {
                    context.Response.Headers.Remove("Set-Cookie");
                }
                else
                {
                    context.Response.Headers.SetCookie = kept;
                }
            }

            return Task.CompletedTask;
        });

        await next(context);
    });

    private static bool IsNoOpDeletion(string? setCookie, IRequestCookieCollection sent)
    {
        if (setCookie is null || !setCookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var name = setCookie[..Math.Max(0, setCookie.IndexOf('='))];
        return name.Length > 0 && !sent.ContainsKey(name);
    }
}
