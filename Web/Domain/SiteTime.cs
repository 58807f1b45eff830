using System.Globalization;

namespace Blog.Web.Domain;

/// <summary>A time typed into a form, in the site's zone, and what it is in UTC (or why it is not a time there).</summary>
public sealed record LocalTimeInput(DateTimeOffset? Utc, string? Error)
{
    public bool Valid => Error is null;
}

/// <summary>
/// The site's time zone, and the one home of how a time is shown to a person or read from one: the database keeps UTC,
/// people read and type the newsroom's wall-clock time (an IANA zone such as Pacific/Auckland), with the zone named.
/// </summary>
public sealed class SiteTime
{
    public const string DefaultZone = "Pacific/Auckland";

    private const string InputFormat = "yyyy-MM-dd'T'HH:mm";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static readonly SiteTime Utc = new(TimeZoneInfo.Utc);

    public SiteTime(TimeZoneInfo zone) => Zone = zone;

    public TimeZoneInfo Zone { get; }

    /// <summary>The zone's IANA name, e.g. Pacific/Auckland.</summary>
    public string ZoneName => Zone.HasIanaId ? Zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(Zone.Id, out var iana) ? iana : Zone.Id;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SiteTime> Known = new(StringComparer.Ordinal);

    /// <summary>The site's zone by its IANA name; null for a name this machine does not know or that is not IANA's.</summary>
    public static SiteTime? Find(string? ianaName)
    {
        if (string.IsNullOrWhiteSpace(ianaName))
        {
            return null;
        }

        if (Known.TryGetValue(ianaName, out var known))
        {
            return known;
        }

        // Only names the machine knows are kept, so the map is bounded by its zone list.
        return TimeZoneInfo.TryFindSystemTimeZoneById(ianaName.Trim(), out var zone) && zone.HasIanaId
            ? Known.GetOrAdd(ianaName, new SiteTime(zone))
            : null;
    }

    /// <summary>Every IANA zone this machine knows, by name, for a settings form.</summary>
    public static IReadOnlyList<string> ZoneNames { get; } =
        [.. TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId).Select(z => z.Id).Order(StringComparer.Ordinal)];

    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    /// <summary>
    /// The zone's short name at that moment: "NZDT", "GMT", "BST", "UTC", or the offset ("UTC+05:30") where the
    /// zone's name is not a plain phrase of words.
    /// </summary>
    public string Abbreviation(DateTimeOffset at)
    {
        var name = Zone.IsDaylightSavingTime(at) ? Zone.DaylightName : Zone.StandardName;
        if (Zone.BaseUtcOffset == TimeSpan.Zero && !Zone.SupportsDaylightSavingTime)
        {
            return "UTC";
        }

        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length >= 2 && words.All(w => w.All(char.IsLetter)))
        {
            return string.Concat(words.Select(w => char.ToUpperInvariant(w[0])));
        }

        var offset = Zone.GetUtcOffset(at);
        return "UTC" + (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString(@"hh\:mm", Invariant);
    }

    /// <summary>"3 Dec 2026, 14:30 NZDT".</summary>
    public string Text(DateTimeOffset at) => Local(at).ToString("d MMM yyyy, HH:mm", Invariant) + " " + Abbreviation(at);

    /// <summary>"3 December 2026, 14:30 NZDT".</summary>
    public string LongText(DateTimeOffset at) => Local(at).ToString("d MMMM yyyy, HH:mm", Invariant) + " " + Abbreviation(at);

    /// <summary>"3 December 2026": the day it is at the newsroom.</summary>
    public string Date(DateTimeOffset at) => Local(at).ToString("d MMMM yyyy", Invariant);

    /// <summary>"3 Dec 2026".</summary>
    public string ShortDate(DateTimeOffset at) => Local(at).ToString("d MMM yyyy", Invariant);

    /// <summary>The day it is at the newsroom.</summary>
    public DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(Local(at).DateTime);

    /// <summary>A time as a datetime-local field's value, in the site's zone.</summary>
    public string ForInput(DateTimeOffset? at) => at is { } t ? Local(t).ToString(InputFormat, Invariant) : "";

    /// <summary>
    /// A datetime-local field's value, read as the site's wall-clock time. A time the clocks skip (the hour they go
    /// forward) is refused, naming the change; a time they pass twice (the hour they go back) is the first of the two.
    /// </summary>
    public LocalTimeInput FromInput(DateTime? value)
    {
        if (value is not { } typed)
        {
            return new(null, null);
        }

        var local = DateTime.SpecifyKind(new DateTime(typed.Ticks - typed.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            var after = local;
            while (Zone.IsInvalidTime(after))
            {
                after = after.AddMinutes(1);
            }

            var before = local.AddMinutes(-1);
            while (Zone.IsInvalidTime(before))
            {
                before = before.AddMinutes(-1);
            }

            return new(null, $"{local.ToString("d MMMM yyyy, HH:mm", Invariant)} does not exist in {ZoneName}: that night the clocks go forward "
                + $"from {before.AddMinutes(1).ToString("HH:mm", Invariant)} to {after.ToString("HH:mm", Invariant)}. Choose a time before or after the change.");
        }

        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new(new DateTimeOffset(local, offset).ToUniversalTime(), null);
    }
}
