using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Blog.Web.Infrastructure;

/// <summary>
/// Benchmark diagnostics, off unless <c>Diagnostics:SqlCommandHeader</c> is true: counts the SQL commands a
/// request that sends <see cref="AskHeader"/> runs, and reports them in an <c>X-Sql-Commands</c> response header.
/// </summary>
public sealed class SqlCommandCounting : DbCommandInterceptor
{
    /// <summary>The request header that asks for the count (counting flows a value through every await of the request).</summary>
    public const string AskHeader = "X-Count-Sql";

    private static readonly AsyncLocal<StrongBox?> Current = new();

    public sealed class StrongBox
    {
        public int Count;
    }

    public static StrongBox Begin() => Current.Value = new StrongBox();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Tally();
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Tally();
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Tally();
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Tally();
        return ValueTask.FromResult(result);
    }

    private static void Tally()
    {
        if (Current.Value is { } box)
        {
            Interlocked.Increment(ref box.Count);
        }
    }
}
