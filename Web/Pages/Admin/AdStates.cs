using Blog.Web.Domain;

namespace Blog.Web.Pages.Admin;

/// <summary>An ad's state in the admin's words.</summary>
public static class AdStates
{
    public static string Describe(Ad ad, DateTimeOffset now, SiteTime time) => ad.StateAt(now) switch
    {
        AdState.Paused => $"Paused since {time.ShortDate(ad.PausedAt ?? now)}",
        AdState.Scheduled => $"Starts {time.Text(ad.StartsAt)}",
        AdState.Ended => $"Ended {time.ShortDate(ad.EndsAt ?? now)}",
        _ => ad.EndsAt is { } end ? $"Running until {time.Text(end)}" : "Running",
    };
}
