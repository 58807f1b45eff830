using Blog.Web.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Blog.Web.Services;

public sealed record SqlitePragmas(string JournalMode, int Synchronous, bool ForeignKeys);

public static class DatabaseSetup
{
    public const string ConnectionStringName = "Blog";

    /// <summary>Resolves a relative SQLite file against the content root and makes sure its folder exists.</summary>
    public static string ResolveConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(configured ?? "Data Source=App_Data/blog.db");
        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }

        // Pooling keeps connections (and their pragmas) warm between requests.
        builder.Pooling = true;
        // Microsoft.Data.Sqlite retries a locked database for the command timeout (30 s by default): a reader would
        // wait half a minute for an error. A few seconds, then the site says it is busy (503, Retry-After).
        if (!(configured ?? "").Contains("Default Timeout", StringComparison.OrdinalIgnoreCase)
            && !(configured ?? "").Contains("Command Timeout", StringComparison.OrdinalIgnoreCase))
        {
            builder.DefaultTimeout = DatabaseBusy.WaitSeconds;
        }
        return builder.ToString();
    }

    /// <summary>
    /// A PostgreSQL connection string with the site's defaults where it says nothing: a command waits a few seconds
    /// for a lock, then the site says it is busy, as on SQLite.
    /// </summary>
    public static string ResolvePostgresConnectionString(string? configured)
    {
        var builder = new NpgsqlConnectionStringBuilder(configured ?? throw new InvalidOperationException(
            "Database:Provider is Postgres: set ConnectionStrings:Blog to a PostgreSQL connection string (Host=...;Database=...;Username=...)."));
        if (!(configured).Contains("Command Timeout", StringComparison.OrdinalIgnoreCase))
        {
            builder.CommandTimeout = DatabaseBusy.WaitSeconds;
        }

        return builder.ToString();
    }

    public static async Task<SqlitePragmas> ReadPragmasAsync(BlogDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            async Task<string> Read(string pragma)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"PRAGMA {pragma};";
                return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) ?? "";
            }

            return new SqlitePragmas(
                await Read("journal_mode"),
                int.Parse(await Read("synchronous"), System.Globalization.CultureInfo.InvariantCulture),
                await Read("foreign_keys") == "1");
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Applies migrations and refuses to start on a database without the durability settings.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        if (!db.Database.IsSqlite())
        {
            return;
        }

        var pragmas = await ReadPragmasAsync(db, cancellationToken);
        if (!string.Equals(pragmas.JournalMode, "wal", StringComparison.OrdinalIgnoreCase) || pragmas.Synchronous != 2 || !pragmas.ForeignKeys)
        {
            throw new InvalidOperationException($"SQLite durability settings are not in force: {pragmas}.");
        }
    }
}

/// <summary>/healthz: healthy only when the database answers a query.</summary>
public sealed class DatabaseHealthCheck(BlogDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // Reads go on while another process holds the write lock (WAL); a site that cannot write is not healthy.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken);
            await transaction.RollbackAsync(cancellationToken);
            return HealthCheckResult.Healthy("database reachable and writable");
        }
        catch (Exception ex) when (DatabaseBusy.IsBusy(ex))
        {
            return HealthCheckResult.Unhealthy("database locked for writing");
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("database unreachable");
        }
    }
}
