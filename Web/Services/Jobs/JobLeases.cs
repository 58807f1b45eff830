using Blog.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Blog.Web.Services.Jobs;

/// <summary>
/// Which instance runs which job, decided in the database every instance shares: a lease is taken (or renewed) by one
/// conditional UPDATE, which the database applies to one writer at a time, or by inserting its first row.
/// </summary>
public sealed class JobLeases(BlogDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Takes or renews the lease of <paramref name="job"/> for <paramref name="holder"/> until <paramref name="length"/>
    /// from now; false when another holder's lease has not yet run out.
    /// </summary>
    public async Task<bool> TryHoldAsync(string job, string holder, TimeSpan length, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var until = now + length;
        var held = await db.JobLeases
            .Where(l => l.Name == job && (l.Holder == holder || l.Until <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.Until, until), cancellationToken);
        if (held == 1)
        {
            return true;
        }

        db.JobLeases.Add(new JobLease { Name = job, Holder = holder, Until = until });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (DatabaseBusy.IsUniqueViolation(e))
        {
            // Another instance holds it (its row exists and has not run out).
            return false;
        }
    }
}
