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

    public static bool TryGetFresh<T>(this IMemoryCache memory, string key, DateTimeOffset now, [MaybeNullWhen(false)] out T value)
    {
        if (memory.TryGetValue(key, out Kept<T>? kept) && kept is not null && now < kept.Until)
        {
            value = kept.Value;
            return true;
        }

        value = default;
        return false;
    }

    public static void SetFresh<T>(this IMemoryCache memory, string key, T value, DateTimeOffset now, TimeSpan lifetime) =>
        memory.Set(key, new Kept<T>(value, now + lifetime), lifetime);
}
