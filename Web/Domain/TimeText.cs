namespace Blog.Web.Domain;

public static class TimeText
{
    /// <summary>A machine-readable UTC time to the second, as HTML's datetime attribute accepts it (at most three fractional digits).</summary>
    public static string Iso(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"just now", "5 minutes ago", "3 hours ago", "2 days ago", then the date at the newsroom.</summary>
    public static string Relative(DateTimeOffset then, DateTimeOffset now, SiteTime time)
    {
        var age = now - then;
        static string Plural(int n, string unit) => $"{n} {unit}{(n == 1 ? "" : "s")} ago";
        return age.TotalMinutes switch
        {
            < 1 => "just now",
            < 60 => Plural((int)age.TotalMinutes, "minute"),
            < 60 * 24 => Plural((int)age.TotalHours, "hour"),
            < 60 * 24 * 7 => Plural((int)age.TotalDays, "day"),
            _ => time.ShortDate(then),
        };
    }
}
