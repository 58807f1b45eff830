using Microsoft.Data.Sqlite;
using Npgsql;

namespace Blog.Web.Data;

/// <summary>
/// The database is held by someone else (another process's long write, a backup): a passing condition, told to the
/// reader as "busy, try again in a few seconds" (503 with Retry-After), never a 500, and with nothing they typed lost.
/// </summary>
public static class DatabaseBusy
{
    /// <summary>How long a command waits for a lock before the site says it is busy.</summary>
    public const int WaitSeconds = 3;

    /// <summary>What to put in Retry-After.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>
    /// SQLITE_BUSY (5) or SQLITE_LOCKED (6); on PostgreSQL a lock not granted, a statement cancelled by its timeout,
    /// a serialization failure or deadlock, or no connection free: however deep EF wrapped it.
    /// </summary>
    public static bool IsBusy(Exception? exception) => Any(exception, e => e
        is SqliteException { SqliteErrorCode: 5 or 6 }
        or PostgresException { SqlState: "55P03" or "57014" or "40001" or "40P01" or "53300" }
        or NpgsqlException { InnerException: TimeoutException });

    /// <summary>A unique index refused the row (SQLite's constraint error, PostgreSQL's 23505).</summary>
    public static bool IsUniqueViolation(Exception? exception) => Any(exception, e => e
        is SqliteException { SqliteErrorCode: 19 }
        or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation });

    private static bool Any(Exception? exception, Func<Exception, bool> test)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (test(e))
            {
                return true;
            }
        }

        return false;
    }
}
