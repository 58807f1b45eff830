using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Caching.Memory;

namespace Blog.Web.Infrastructure;

/// <summary>
/// Values kept in memory for a short time by the site's own clock as well as the cache's: when the site's time moves
/// on (a scheduled article falls due, a period ends), a value kept from before is not served past its lifetime.
/// </summary>
public static class KeptInMemory
{
    private sealed record Kept<T>(T Value, DateTimeOffset Until);

    /// <summary>
    /// How many entries the site's memory cache holds at most (every entry counts one). Past it, new entries are not
    /// kept until old ones expire, so nothing a visitor sends can grow memory without bound.
    /// </summary>
    public const long EntryLimit = 50_000;

    /// <summary>
    /// The value kept under <paramref name="key"/> if it is still fresh at <paramref name="now"/>; otherwise loads it,
    /// and keeps it when <paramref name="keepIf"/> allows (a miss for an unknown address is not worth an entry).
    /// </summary>
    public static async Task<T> KeptAsync<T>(this IMemoryCache memory, string key, DateTimeOffset now, TimeSpan lifetime, Func<Task<T>> load,
        Func<T, bool>? keepIf = null)
    {
        if (memory.TryGetFresh<T>(key, now, out var kept))
        {
            return kept;
        }

        var loaded = await load();
        if (keepIf is null || keepIf(loaded))
        {
            memory.Set(key, new Kept<T>(loaded, now + lifetime), new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime, Size = 1 });
        }

        return loaded;
    }

    private static bool TryGetFresh<T>(this IMemoryCache memory, string key, DateTimeOffset now, [MaybeNullWhen(false)] out T value)
    {
        if (memory.TryGetValue(key, out Kept<T>? kept) && kept is not null && now < kept.Until)
        {
            value = kept.Value;
            return true;
        }

        value = default;
        return false;
    }
}
