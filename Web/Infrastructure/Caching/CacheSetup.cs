using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using ZiggyCreatures.Caching.Fusion;
using ZiggyCreatures.Caching.Fusion.Backplane.StackExchangeRedis;
using ZiggyCreatures.Caching.Fusion.Serialization.SystemTextJson;

namespace Blog.Web.Infrastructure.Caching;

public static class CacheSetup
{
    /// <summary>The Redis connection (StackExchange.Redis configuration string): with it, several instances share one cache.</summary>
    public const string RedisConnectionName = "Redis";

    /// <summary>The key of the site cache's memory level among the services (read by its tests and diagnostics).</summary>
    public const string MemoryKey = "site-cache-memory";

    public static IServiceCollection AddSiteCache(this IServiceCollection services, IConfiguration configuration)
    {
        var redis = new SharedRedis(configuration.GetConnectionString(RedisConnectionName),
            configuration.GetValue<string>("Cache:KeyPrefix") is { Length: > 0 } prefix ? prefix : "docket:");
        services.AddSingleton(redis);
        var limit = configuration.GetValue<long?>("Cache:MemoryLimitMegabytes") is { } megabytes and > 0
            ? megabytes * 1024 * 1024
            : SiteCache.MemoryLimit;
        var memory = new MemoryCache(new MemoryCacheOptions { SizeLimit = limit, TrackStatistics = true });
        services.AddKeyedSingleton<IMemoryCache>(MemoryKey, memory);
        var fusion = services.AddFusionCache()
            .WithOptions(options =>
            {
                options.CacheKeyPrefix = redis.KeyPrefix;
                options.BackplaneChannelPrefix = redis.KeyPrefix + "backplane";
                // A Redis hiccup is logged and the site carries on from memory and the database.
                options.DistributedCacheCircuitBreakerDuration = TimeSpan.FromSeconds(2);
                options.BackplaneCircuitBreakerDuration = TimeSpan.FromSeconds(2);
                options.TagsDefaultEntryOptions.Size = 1;
            })
            .WithMemoryCache(memory)
            .WithSerializer(new FusionCacheSystemTextJsonSerializer(new System.Text.Json.JsonSerializerOptions { IncludeFields = true }));
        if (redis.Configured)
        {
            fusion
                .WithDistributedCache(new RedisCache(new RedisCacheOptions { ConnectionMultiplexerFactory = redis.ConnectAsync }))
                .WithBackplane(new RedisBackplane(new RedisBackplaneOptions { ConnectionMultiplexerFactory = redis.ConnectAsync }));
        }

        services.AddSingleton(sp =>
        {
            var cache = ActivatorUtilities.CreateInstance<SiteCache>(sp);
            // An eviction announced by another instance counts as one here: a load that overlapped it is not kept.
            sp.GetRequiredService<IFusionCache>().Events.Backplane.MessageReceived += (_, _) => cache.NoteEviction();
            return cache;
        });
        services.AddSingleton<IOutputCacheStore, OutputCacheOnSiteCache>();
        return services;
    }
}
