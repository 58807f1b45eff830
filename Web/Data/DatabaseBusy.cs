using Microsoft.Data.Sqlite;

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

    /// <summary>SQLITE_BUSY (5) or SQLITE_LOCKED (6), however deep EF wrapped it.</summary>
    public static bool IsBusy(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: 5 or 6 })
            {
                return true;
            }
        }

        return false;
    }
}
