using Blog.Web.Services.Accounts;

namespace Blog.Web.Services.Jobs;

/// <summary>Deletes sessions past their expiry: already refused, they only take room.</summary>
public sealed class PurgeEndedSessions(UserSessions sessions, TimeProvider clock) : IBackgroundJob
{
    public string Name => "purge-ended-sessions";

    public Task<int> RunAsync(CancellationToken cancellationToken) => sessions.PurgeExpiredAsync(clock.GetUtcNow(), cancellationToken);
}
