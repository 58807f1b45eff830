using Microsoft.AspNetCore.OutputCaching;
using ZiggyCreatures.Caching.Fusion;

namespace Blog.Web.Infrastructure.Caching;

/// <summary>
/// The output cache's store is the site's one cache: each instance keeps the pages it drew in its own memory (a page
/// is cheaper to draw again than to ship from Redis), filed under the same tags as the data they show, so a write
/// that evicts an article's data evicts its pages too, on every instance. Sizes count the page's bytes.
/// </summary>
public sealed class OutputCacheOnSiteCache(IFusionCache fusion) : IOutputCacheStore
{
    private const string Prefix = "page:";

    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) =>
        fusion.RemoveByTagAsync(tag, token: cancellationToken);

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) =>
        await fusion.GetOrDefaultAsync<byte[]?>(Prefix + key, null, Options(TimeSpan.Zero, 0), cancellationToken);

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        fusion.SetAsync(Prefix + key, value, Options(validFor, value.Length), tags, cancellationToken);

    private static FusionCacheEntryOptions Options(TimeSpan validFor, long size) => new()
    {
        Duration = validFor,
        Size = size,
        IsFailSafeEnabled = false,
        SkipDistributedCacheRead = true,
        SkipDistributedCacheWrite = true,
        SkipBackplaneNotifications = true,
    };
}
