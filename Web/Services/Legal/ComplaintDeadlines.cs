using Blog.Web.Data;
using Blog.Web.Domain;
using Blog.Web.Domain.Legal;
using Blog.Web.Services.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Blog.Web.Services.Legal;

/// <summary>
/// Acts on complaints' deadlines by the site's clock: tells an author not yet reached, reminds before the answer is
/// due, takes a comment down when no answer came or its author could not be reached, and brings a comment back when a
/// counter-notice's waiting period ends. What is due is read from the database (<see cref="Complaint.DueAt"/>), so a
/// restart loses nothing. Each complaint is saved on its own with its concurrency token: if another instance (or the
/// author, answering at the last moment) changed it first, this one's step is dropped, not done twice.
/// </summary>
public sealed class ComplaintDeadlines(BlogDbContext db, ComplaintSteps steps, TimeProvider clock, ILogger<ComplaintDeadlines> logger) : IBackgroundJob
{
    private const int Batch = 50;

    public string Name => "complaint-deadlines";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.Complaints.Where(Complaint.Open).Where(c => c.DueAt <= now)
            .OrderBy(c => c.DueAt).Select(c => c.Id).Take(Batch).ToListAsync(cancellationToken);
        var done = 0;
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            var complaint = await db.Complaints.Include(c => c.Comment).FirstAsync(c => c.Id == id, cancellationToken);
            if (!complaint.IsOpen || complaint.DueAt > now)
            {
                continue;
            }

            await ActAsync(complaint, complaint.Comment!, now, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                steps.Discard();
                logger.LogInformation("Complaint {Reference} changed while its deadline was acted on; the other change stands.", complaint.Reference);
                continue;
            }

            await steps.AfterSaveAsync(cancellationToken);
            done++;
        }

        return done;
    }

    private async Task ActAsync(Complaint complaint, Comment comment, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var regime = steps.RegimeOf(complaint);
        switch (complaint.Stage)
        {
            case ComplaintStage.Received or ComplaintStage.AuthorUnreachable when now < complaint.Deadline:
                // Receipt's own steps were not saved, or the author could not be reached yet: try again.
                await steps.BeginAsync(complaint, comment, now, cancellationToken);
                break;
            case ComplaintStage.Received or ComplaintStage.AuthorUnreachable:
                steps.TakeDown(complaint, comment, now, null, automated: true,
                    $"Its author could not be reached by the notice deadline under {regime.Law}, so it was removed.");
                steps.Close(complaint, Gone(complaint, ComplaintOutcome.RemovedAuthorUnreachable), now, null);
                break;
            case ComplaintStage.AwaitingAnswer when complaint.RemindedAt is null && now < complaint.Deadline:
                await steps.RemindAsync(complaint, now, cancellationToken);
                break;
            case ComplaintStage.AwaitingAnswer:
                steps.TakeDown(complaint, comment, now, null, automated: true,
                    $"Its author did not answer the complaint by the deadline under {regime.Law}, so it was removed.");
                steps.Close(complaint, Gone(complaint, ComplaintOutcome.RemovedNoAnswer), now, null);
                break;
            case ComplaintStage.AwaitingRestore:
                steps.Restore(complaint, comment, now);
                steps.Close(complaint, ComplaintOutcome.RestoredOnCounterNotice, now, null);
                break;
        }
    }

    /// <summary>The outcome, unless the comment was gone before the complaint took it down (its author deleted it, or moderators did).</summary>
    private static ComplaintOutcome Gone(Complaint complaint, ComplaintOutcome outcome) =>
        complaint.RemovedAt is null ? ComplaintOutcome.AlreadyGone : outcome;
}
