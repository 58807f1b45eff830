using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Blog.Web.Tests.Support;

/// <summary>Counts the SQL commands the app sends while <see cref="Counting"/> is on.</summary>
public sealed class SqlCommandCounter : DbCommandInterceptor
{
    private int count;

    public bool Counting { get; set; }

    public int Count => count;

    public void Reset() => Interlocked.Exchange(ref count, 0);

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

    private void Tally()
    {
        if (Counting)
        {
            Interlocked.Increment(ref count);
        }
    }
}
