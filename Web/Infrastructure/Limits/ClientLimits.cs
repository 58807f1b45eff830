using System.Threading.RateLimiting;
using Blog.Web.Infrastructure.Caching;
using RedisRateLimiting;
using StackExchange.Redis;

namespace Blog.Web.Infrastructure.Limits;

/// <summary>
/// Fixed one-minute windows counted per key (an action and a client). With Redis the count is kept there, so every
/// instance behind the proxy counts against the same limit; without it (one instance), in this process. When Redis
/// cannot be reached the limit is counted in this instance's memory until it is back: a burst limit guards against
/// scripts and must not turn a Redis outage into refused posts. Idle windows are dropped by the partitioned
/// limiters, so memory stays bounded by the clients active in the last minute.
/// </summary>
public sealed class ClientLimits : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly SharedRedis redis;
    private readonly ILogger<ClientLimits> logger;
    private readonly PartitionedRateLimiter<Counted> local;
    private readonly PartitionedRateLimiter<Counted>? shared;

    public ClientLimits(SharedRedis redis, ILogger<ClientLimits> logger)
    {
        this.redis = redis;
        this.logger = logger;
        local = PartitionedRateLimiter.Create<Counted, Counted>(counted =>
            RateLimitPartition.GetFixedWindowLimiter(counted, c => new FixedWindowRateLimiterOptions
            {
                PermitLimit = c.PermitsPerMinute,
                Window = Window,
                QueueLimit = 0,
            }));
        if (redis.Configured)
        {
            shared = PartitionedRateLimiter.Create<Counted, Counted>(counted =>
                RedisRateLimitPartition.GetFixedWindowRateLimiter(counted, c => new RedisFixedWindowRateLimiterOptions
                {
                    PermitLimit = c.PermitsPerMinute,
                    Window = Window,
                    ConnectionMultiplexerFactory = () => redis.Connection,
                }));
        }
    }

    /// <summary>
    /// Takes one permit for <paramref name="key"/> (at most <paramref name="permitsPerMinute"/> a minute); the lease
    /// says whether it was granted and, when not, how long to wait.
    /// </summary>
    public async ValueTask<RateLimitLease> AcquireAsync(string key, int permitsPerMinute, CancellationToken cancellationToken)
    {
        var counted = new Counted(redis.KeyPrefix + "limit:" + key, Math.Max(1, permitsPerMinute));
        if (shared is not null)
        {
            try
            {
                return await shared.AcquireAsync(counted, 1, cancellationToken);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                logger.LogWarning(e, "Redis did not answer for the limit {Key}; counted on this instance meanwhile.", key);
            }
        }

        return local.AttemptAcquire(counted);
    }

    /// <summary>How long a refused lease says to wait (a minute when it does not say).</summary>
    public static TimeSpan WaitOf(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var after) && after > TimeSpan.Zero ? after : Window;

    /// <summary>
    /// The same limits as a <see cref="RateLimiter"/> for the rate-limiting middleware (the account forms' policy):
    /// the middleware tries <c>AttemptAcquire</c> first and, refused, waits on <c>AcquireAsync</c>, which is where
    /// the count is taken.
    /// </summary>
    public RateLimiter For(string key, int permitsPerMinute) => new KeyLimiter(this, key, permitsPerMinute);

    public void Dispose()
    {
        local.Dispose();
        shared?.Dispose();
    }

    /// <summary>
    /// A key with its limit: the limit is part of the partition, so a changed setting starts a new window. Its text is
    /// the key the Redis limiter counts under.
    /// </summary>
    private sealed record Counted(string Key, int PermitsPerMinute)
    {
        public override string ToString() => Key + ":" + PermitsPerMinute;
    }

    private sealed class KeyLimiter(ClientLimits limits, string key, int permitsPerMinute) : RateLimiter
    {
        private static readonly RateLimitLease AskAsync = new Refused();

        public override TimeSpan? IdleDuration => TimeSpan.Zero;

        public override RateLimiterStatistics? GetStatistics() => null;

        protected override RateLimitLease AttemptAcquireCore(int permitCount) => AskAsync;

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
            limits.AcquireAsync(key, permitsPerMinute, cancellationToken);

        private sealed class Refused : RateLimitLease
        {
            public override bool IsAcquired => false;

            public override IEnumerable<string> MetadataNames => [];

            public override bool TryGetMetadata(string metadataName, out object? metadata)
            {
                metadata = null;
                return false;
            }
        }
    }
}
