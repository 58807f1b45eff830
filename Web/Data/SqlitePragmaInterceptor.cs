using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Blog.Web.Data;

/// <summary>
/// Sets the durability pragmas on every connection EF opens. WAL lets readers run beside the writer;
/// synchronous=FULL means a comment acknowledged to its author survives a power cut; foreign keys are
/// off by default in SQLite; busy_timeout turns a brief writer collision into a short wait, not an error.
/// </summary>
public sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    public const string Pragmas =
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
