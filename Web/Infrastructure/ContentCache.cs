using Microsoft.AspNetCore.OutputCaching;

namespace Blog.Web.Infrastructure;

/// <summary>
/// Output caching for readers who are not signed in: the same bytes for everyone, for a few seconds, and evicted
/// the moment anything they show changes (an article, a case, a comment, a moderation decision). A request that
/// carries any cookie (a session, a status message, an antiforgery token) is never served from or stored in
/// the cache, so nothing personal can be cached or leak.
/// </summary>
public sealed class AnonymousPagesPolicy : IOutputCachePolicy
{
    public const string Name = "anonymous-pages";
    public const string Tag = "content";

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
        context.AllowLocking = true;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.HeaderNames = "X-Forwarded-Proto";
        // One stored copy per encoding the compression will choose (not per raw Accept-Encoding string).
        context.CacheVaryByRules.VaryByValues["encoding"] = PageCompression.EncodingFor(request);
        context.ResponseExpirationTimeSpan = Lifetime;
        context.Tags.Add(Tag);
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

/// <summary>
/// Evicts every cached anonymous page; called by every write that changes what readers see. Its version counts
/// those writes: anything cached in memory under the version it was built at is out of date once it moves on.
/// </summary>
public sealed class ContentCache(IOutputCacheStore store)
{
    private long version;

    /// <summary>
    /// How long data kept under the version is kept at most (as long as an anonymous page): what changes with time
    /// alone, such as a scheduled article falling due, shows within it.
    /// </summary>
    public static readonly TimeSpan KeptFor = AnonymousPagesPolicy.Lifetime;

    /// <summary>Changes with every content write, before the write is acknowledged.</summary>
    public long Version => Interlocked.Read(ref version);

    public ValueTask InvalidateAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref version);
        return store.EvictByTagAsync(AnonymousPagesPolicy.Tag, cancellationToken);
    }
}
