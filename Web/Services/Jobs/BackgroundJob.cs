namespace Blog.Web.Services.Jobs;

/// <summary>
/// Work the site does by the clock rather than in answer to a request. <see cref="BackgroundWork"/> runs each job once
/// a round on the one instance that holds its lease, in a scope of its own. A job finds what is due in the database
/// (never in timers or memory), so it survives restarts and a change of holder, and doing a round twice is harmless.
/// </summary>
public interface IBackgroundJob
{
    /// <summary>The job's lease name: stable, the same on every instance.</summary>
    string Name { get; }

    /// <summary>Does what is due now and says how many things it did.</summary>
    Task<int> RunAsync(CancellationToken cancellationToken);
}
