using Blog.Web.Data;

namespace Blog.Web.Services.Jobs;

/// <summary>
/// Runs the site's background jobs by its <see cref="TimeProvider"/>, a round every few seconds. Every instance runs
/// rounds; for each job, only the instance holding the job's lease (<see cref="JobLeases"/>) does the work, so with
/// several instances behind the proxy each job runs once. The holder renews its lease every round; when it stops,
/// another instance takes the job over once the lease has run out.
/// </summary>
public sealed class BackgroundWork(JobCatalog catalog, IServiceScopeFactory scopes, TimeProvider clock, ILogger<BackgroundWork> logger) : BackgroundService
{
    public static readonly TimeSpan Round = TimeSpan.FromSeconds(5);

    /// <summary>How long a lease outlives its last renewal: several rounds, so a slow round does not hand the job over.</summary>
    public static readonly TimeSpan LeaseLength = TimeSpan.FromSeconds(30);

    /// <summary>
    /// This instance, as it signs its leases: the machine, the process and a value of its own (a host name is at most
    /// 64 characters, so this stays well inside the lease's 200).
    /// </summary>
    public string Instance { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>One round: each job whose lease this instance holds runs; gives the names of those that ran.</summary>
    public async Task<IReadOnlyList<string>> RunRoundAsync(CancellationToken cancellationToken)
    {
        var ran = new List<string>();
        foreach (var type in catalog.Jobs)
        {
            // A scope (and a database context) per job: one job's failure leaves nothing half-done for the next.
            using var scope = scopes.CreateScope();
            var job = (IBackgroundJob)scope.ServiceProvider.GetRequiredService(type);
            try
            {
                if (!await scope.ServiceProvider.GetRequiredService<JobLeases>().TryHoldAsync(job.Name, Instance, LeaseLength, cancellationToken))
                {
                    continue;
                }

                var done = await job.RunAsync(cancellationToken);
                ran.Add(job.Name);
                if (done > 0)
                {
                    logger.LogInformation("Background job {Job}: {Count} done.", job.Name, done);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next round tries again; a busy database is a passing condition.
                logger.Log(DatabaseBusy.IsBusy(e) ? LogLevel.Information : LogLevel.Error, e, "Background job {Job} failed this round.", job.Name);
            }
        }

        return ran;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Off the thread that moved the clock (a test's FakeTimeProvider fires timers inline).
                await Task.Delay(Round, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
                await RunRoundAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}

/// <summary>The background jobs the site has, in the order a round runs them.</summary>
public sealed class JobCatalog(IReadOnlyList<Type> jobs)
{
    public IReadOnlyList<Type> Jobs { get; } = jobs;
}

public static class BackgroundWorkSetup
{
    /// <summary>The jobs, their leases and the service that runs their rounds (unless <c>Jobs:Enabled</c> is false).</summary>
    public static IServiceCollection AddBackgroundWork(this IServiceCollection services, IConfiguration configuration)
    {
        Type[] jobs = [typeof(PublishDueArticles), typeof(PurgeEndedSessions), typeof(Legal.ComplaintDeadlines)];
        foreach (var job in jobs)
        {
            services.AddScoped(job);
        }

        services.AddSingleton(new JobCatalog(jobs));
        services.AddScoped<JobLeases>();
        services.AddSingleton<BackgroundWork>();
        if (configuration.GetValue("Jobs:Enabled", true))
        {
            services.AddHostedService(sp => sp.GetRequiredService<BackgroundWork>());
        }

        return services;
    }
}
