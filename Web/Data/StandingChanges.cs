using System.Runtime.CompilerServices;
using Blog.Web.Domain;
using Blog.Web.Domain.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Blog.Web.Data;

/// <summary>
/// Counts saved changes to what a reader's standing is made of (subscriptions, sanctions), whichever service
/// makes them. A standing kept in memory under an older count is out of date: the next request reads it afresh.
/// </summary>
public sealed class StandingChanges : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> saving = new();
    private long version;

    public long Version => Interlocked.Read(ref version);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Count(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Count(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Count(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Count(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries().Any(e =>
                e.Entity is Subscription or UserSanction && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            saving.AddOrUpdate(context, context);
        }
    }

    // After the save (or a failed one, which may have written part): from now on, standings are read afresh.
    private void Count(DbContext? context)
    {
        if (context is not null && saving.Remove(context))
        {
            Interlocked.Increment(ref version);
        }
    }
}
