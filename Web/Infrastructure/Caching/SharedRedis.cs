using StackExchange.Redis;

namespace Blog.Web.Infrastructure.Caching;

/// <summary>
/// The one connection to Redis an instance holds, shared by the cache's Redis level, its backplane and the limits
/// that count across instances. Connected on first use and never fatal: while Redis is away, StackExchange.Redis
/// keeps trying and each user of the connection carries on without it.
/// </summary>
public sealed class SharedRedis : IDisposable
{
    private readonly Lazy<ConnectionMultiplexer>? connection;

    public SharedRedis(string? configuration, string keyPrefix)
    {
        KeyPrefix = keyPrefix;
        if (!string.IsNullOrWhiteSpace(configuration))
        {
            var options = ConfigurationOptions.Parse(configuration);
            options.AbortOnConnectFail = false;
            // While Redis is away a command fails at once rather than queueing for the command timeout: the
            // cache then answers from memory and the database, and the limits count on this instance.
            options.BacklogPolicy = BacklogPolicy.FailFast;
            connection = new Lazy<ConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(options));
        }
    }

    /// <summary>Whether the site is configured with Redis (several instances share it).</summary>
    public bool Configured => connection is not null;

    /// <summary>What every key this site writes to Redis begins with: several sites (or test runs) may share one server.</summary>
    public string KeyPrefix { get; }

    public IConnectionMultiplexer Connection =>
        connection?.Value ?? throw new InvalidOperationException("No Redis is configured (ConnectionStrings:Redis).");

    public Task<IConnectionMultiplexer> ConnectAsync() => Task.FromResult(Connection);

    public void Dispose()
    {
        if (connection is { IsValueCreated: true })
        {
            connection.Value.Dispose();
        }
    }
}
