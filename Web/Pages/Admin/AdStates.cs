using Blog.Web.Domain;

namespace Blog.Web.Pages.Admin;

/// <summary>An ad's state in the admin's words.</summary>
public static class AdStates
{
    public static string Describe(Ad ad, DateTimeOffset now) => ad.StateAt(now) switch
    {
        AdState.Paused => $"Paused since {ad.PausedAt:d MMM yyyy}",
        AdState.Scheduled => $"Starts {ad.StartsAt:d MMM yyyy, HH:mm} UTC",
        AdState.Ended => $"Ended {ad.EndsAt:d MMM yyyy}",
        _ => ad.EndsAt is { } end ? $"Running until {end:d MMM yyyy, HH:mm} UTC" : "Running",
    };
}
