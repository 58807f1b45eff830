using Npgsql;

namespace Blog.Web.Tests.Support;

/// <summary>
/// Which database the suite runs on. By default SQLite; with DOCKET_TEST_POSTGRES set to a PostgreSQL server's
/// connection string (as .ci/run does, after starting a throwaway cluster on loopback), every factory gets a fresh
/// database of its own on that server, migrated by the site as on SQLite, and dropped afterwards.
/// </summary>
public static class TestDatabase
{
    public static readonly string? Server = System.Environment.GetEnvironmentVariable("DOCKET_TEST_POSTGRES") is { Length: > 0 } server ? server : null;

    public static bool OnPostgres => Server is not null;

    /// <summary>Skips a test about SQLite itself (its file, its locks, its pragmas) when the suite runs on PostgreSQL.</summary>
    public static void SkipOnPostgres(string why) => Assert.SkipWhen(OnPostgres, why);

    public static string Create()
    {
        var name = "docket_test_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(Server))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            command.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(Server) { Database = name }.ToString();
    }

    public static void Drop(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(Server);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }
}
