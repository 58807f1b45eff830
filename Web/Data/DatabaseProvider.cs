namespace Blog.Web.Data;

/// <summary>Which database the site runs on (Database:Provider): the only place the choice is read.</summary>
public enum DatabaseProvider
{
    /// <summary>One file, nothing else to install: the default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server (Npgsql): several instances on several machines.</summary>
    Postgres,
}

public static class DatabaseProviders
{
    public const string Setting = "Database:Provider";

    public static DatabaseProvider From(IConfiguration configuration)
    {
        var configured = configuration[Setting];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return DatabaseProvider.Sqlite;
        }

        return Enum.TryParse<DatabaseProvider>(configured, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException($"{Setting} must be Sqlite or Postgres, not '{configured}'.");
    }
}
