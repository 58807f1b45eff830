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

    /// <summary>The value kept under <paramref name="key"/> if it is still fresh at <paramref name="now"/>; otherwise loads and keeps it.</summary>
    public static async Task<T> KeptAsync<T>(this IMemoryCache memory, string key, DateTimeOffset now, TimeSpan lifetime, Func<Task<T>> load)
    {
        if (memory.TryGetFresh<T>(key, now, out var kept))
        {
            return kept;
        }

        var loaded = await load();
        memory.Set(key, new Kept<T>(loaded, now + lifetime), lifetime);
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
