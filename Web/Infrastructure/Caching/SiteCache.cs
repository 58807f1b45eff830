using ZiggyCreatures.Caching.Fusion;

namespace Blog.Web.Infrastructure.Caching;

/// <summary>Where a cached value lives.</summary>
public enum CacheLevel
{
    /// <summary>
    /// This instance's memory only: object graphs and drawn HTML, cheaper to make again than to ship. Still exact
    /// across instances: a tag removed anywhere reaches every instance (the tags' marks live in Redis).
    /// </summary>
    Memory,

    /// <summary>
    /// Redis, read on every use (this instance's memory when there is no Redis): small values that must change on
    /// every instance in the same moment as the database (sessions, standings), removed by key
    /// (<see cref="CacheTags.Entry"/>).
    /// </summary>
    Shared,
}

/// <summary>
/// The site's one cache, for data and drawn HTML alike, on FusionCache: a memory level bounded in size, and with
/// Redis configured a distributed level and a backplane, so an eviction on one instance reaches every instance's
/// memory at once. Values are kept by tags (<see cref="CacheTags"/>) and evicted only by tag, from what a write
/// saved (<see cref="Data.CacheEviction"/>); nothing else removes entries by hand.
/// Values are also kept by the site's own clock: when its time moves on (a scheduled article falls due, a period
/// ends), a value kept from before is not served past its lifetime.
/// </summary>
public sealed class SiteCache(IFusionCache fusion, TimeProvider clock)
{
    /// <summary>
    /// How long data is kept at most unless a caller says otherwise: what changes with time alone, such as a
    /// scheduled article falling due, shows within it.
    /// </summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromSeconds(10);

    /// <summary>The memory level's bound, in approximate bytes (every entry states its size); Cache:MemoryLimitMegabytes sets another.</summary>
    public const long MemoryLimit = 192L * 1024 * 1024;

    /// <summary>What an entry counts against <see cref="MemoryLimit"/> when its caller gives no better figure.</summary>
    public const long DefaultSize = 1024;

    private sealed record Kept<T>(T Value, DateTimeOffset Until);

    private long evictions;

    /// <summary>
    /// The value kept under <paramref name="key"/>, or loaded (once per instance however many ask together) and kept
    /// under <paramref name="tags"/> (and those <paramref name="tagsOf"/> finds in it) when <paramref name="keepIf"/> allows. A value whose load overlapped an eviction
    /// is served but not kept: it may have been read before the write it would otherwise outlive.
    /// Keys must be made from validated, bounded inputs: every distinct key is an entry.
    /// </summary>
    public async Task<T> GetOrLoadAsync<T>(string key, IReadOnlyCollection<string> tags, Func<CancellationToken, Task<T>> load,
        CancellationToken cancellationToken, CacheLevel level = CacheLevel.Memory, TimeSpan? lifetime = null,
        Func<T, long>? size = null, Func<T, bool>? keepIf = null, Func<T, string[]>? tagsOf = null)
    {
        var keptFor = lifetime ?? DefaultLifetime;
        var options = Options(level, keptFor, DefaultSize);
        long Size(T value) => size?.Invoke(value) ?? DefaultSize;
        string[] TagsFor(T value) => tagsOf is null ? [.. tags] : [.. tags, .. tagsOf(value)];

        var before = Interlocked.Read(ref evictions);
        var loadedHere = false;
        var kept = await fusion.GetOrSetAsync<Kept<T>>(key, async (context, token) =>
        {
            loadedHere = true;
            var loaded = new Kept<T>(await load(token), clock.GetUtcNow() + keptFor);
            if (keepIf is null || keepIf(loaded.Value))
            {
                context.Options.Size = Size(loaded.Value);
                // Tags known only from the value (an article looked up by its slug is filed under its id).
                context.Tags = TagsFor(loaded.Value);
            }
            else
            {
                context.Options.SkipMemoryCacheWrite = true;
                context.Options.SkipDistributedCacheWrite = true;
                context.Options.SkipBackplaneNotifications = true;
            }

            return loaded;
        }, options: options, tags: tags, token: cancellationToken);

        if (clock.GetUtcNow() >= kept.Until)
        {
            // Kept by the cache's clock but past the site's (a test's clock moved on): load afresh.
            before = Interlocked.Read(ref evictions);
            loadedHere = true;
            kept = new Kept<T>(await load(cancellationToken), clock.GetUtcNow() + keptFor);
            if (keepIf is null || keepIf(kept.Value))
            {
                await fusion.SetAsync(key, kept, options.Duplicate().SetSize(Size(kept.Value)), TagsFor(kept.Value), cancellationToken);
            }
        }

        // A load that overlapped an eviction may have read what the write replaced: it is served, not kept.
        if (loadedHere && Interlocked.Read(ref evictions) != before)
        {
            await fusion.RemoveAsync(key, options, cancellationToken);
        }

        return kept.Value;
    }

    /// <summary>Keeps a value that was just written (a new session), under its tags.</summary>
    public ValueTask SetAsync<T>(string key, T value, IReadOnlyCollection<string> tags, CacheLevel level, TimeSpan lifetime,
        CancellationToken cancellationToken, long size = DefaultSize) =>
        fusion.SetAsync(key, new Kept<T>(value, clock.GetUtcNow() + lifetime), Options(level, lifetime, size), tags, cancellationToken);

    /// <summary>The value kept under <paramref name="key"/>, if any and still fresh by the site's clock.</summary>
    public async ValueTask<(bool Found, T? Value)> TryGetAsync<T>(string key, CacheLevel level, CancellationToken cancellationToken)
    {
        var kept = await fusion.TryGetAsync<Kept<T>>(key, Options(level, DefaultLifetime, DefaultSize), cancellationToken);
        return kept.HasValue && clock.GetUtcNow() < kept.Value.Until ? (true, kept.Value.Value) : (false, default);
    }

    /// <summary>The synchronous forms, for what must answer synchronously (the cookie format).</summary>
    public bool TryGet<T>(string key, CacheLevel level, out T? value)
    {
        var kept = fusion.TryGet<Kept<T>>(key, Options(level, DefaultLifetime, DefaultSize));
        var fresh = kept.HasValue && clock.GetUtcNow() < kept.Value.Until;
        value = fresh ? kept.Value.Value : default;
        return fresh;
    }

    public void Set<T>(string key, T value, IReadOnlyCollection<string> tags, CacheLevel level, TimeSpan lifetime, long size = DefaultSize) =>
        fusion.Set(key, new Kept<T>(value, clock.GetUtcNow() + lifetime), Options(level, lifetime, size), tags);

    /// <summary>Drops everything filed under any of <paramref name="tags"/>, on every instance, before returning.</summary>
    public async ValueTask EvictAsync(IReadOnlyCollection<string> tags, CancellationToken cancellationToken)
    {
        if (tags.Count == 0)
        {
            return;
        }

        NoteEviction();
        var (everything, keys, byTag) = Split(tags);
        if (everything)
        {
            await fusion.ClearAsync(allowFailSafe: false, token: cancellationToken);
        }
        else
        {
            foreach (var key in keys)
            {
                await fusion.RemoveAsync(key, token: cancellationToken);
            }

            await fusion.RemoveByTagAsync(byTag, token: cancellationToken);
        }

        NoteEviction();
    }

    /// <summary>The synchronous form, for a synchronous SaveChanges.</summary>
    public void Evict(IReadOnlyCollection<string> tags)
    {
        if (tags.Count == 0)
        {
            return;
        }

        NoteEviction();
        var (everything, keys, byTag) = Split(tags);
        if (everything)
        {
            fusion.Clear(allowFailSafe: false);
        }
        else
        {
            foreach (var key in keys)
            {
                fusion.Remove(key);
            }

            fusion.RemoveByTag(byTag);
        }

        NoteEviction();
    }

    /// <summary>What an eviction is: everything, or entries by key (<see cref="CacheTags.Entry"/>) and the rest by tag.</summary>
    private static (bool Everything, string[] Keys, string[] Tags) Split(IReadOnlyCollection<string> tags)
    {
        static bool IsEntry(string tag) => tag.StartsWith(CacheTags.EntryPrefix, StringComparison.Ordinal);
        return (tags.Contains(CacheTags.Everything),
            tags.Where(IsEntry).Select(t => t[CacheTags.EntryPrefix.Length..]).ToArray(),
            tags.Where(t => !IsEntry(t)).ToArray());
    }

    /// <summary>Counts an eviction made here or announced by another instance (see <see cref="CacheSetup"/>).</summary>
    public void NoteEviction() => Interlocked.Increment(ref evictions);

    private FusionCacheEntryOptions Options(CacheLevel level, TimeSpan lifetime, long size)
    {
        var inRedis = level == CacheLevel.Shared && fusion.HasDistributedCache;
        return new()
        {
            Duration = lifetime,
            Size = size,
            IsFailSafeEnabled = false,
            // A value kept only in memory is not announced: other instances make their own, and the tags keep them
            // exact. One kept in Redis is read there, never from a copy in memory that another instance's change
            // reaches only when the backplane's message does.
            SkipDistributedCacheRead = !inRedis,
            SkipDistributedCacheWrite = !inRedis,
            SkipBackplaneNotifications = !inRedis,
            SkipMemoryCacheRead = inRedis,
            SkipMemoryCacheWrite = inRedis,
            AllowBackgroundDistributedCacheOperations = false,
            AllowBackgroundBackplaneOperations = false,
        };
    }
}
