using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Blog.Web.Pages;

/// <summary>
/// datetime-local fields: they hold the site's wall-clock time (the forms name the zone); <see cref="Domain.SiteTime"/>
/// turns them into UTC and back.
/// </summary>
public static class FormTimes
{
    /// <summary>A typed time as a datetime-local field's value.</summary>
    public static string ForInput(this DateTime? value) =>
        value is { } v ? v.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "";

    /// <summary>A stored time as the field shows it: the site's wall-clock time.</summary>
    public static DateTime? Typed(this Domain.SiteTime time, DateTimeOffset? at) => at is { } t ? time.Local(t).DateTime : null;

    /// <summary>
    /// The UTC time a field stands for; a time the clocks skip (or one that is not a time) puts the refusal on the
    /// field, and the form is shown again as typed.
    /// </summary>
    public static DateTimeOffset? Utc(this ModelStateDictionary state, Domain.SiteTime time, DateTime? value, string field)
    {
        var read = time.FromInput(value);
        if (read.Error is { } error)
        {
            state.AddModelError(field, error);
        }

        return read.Utc;
    }

    /// <summary>A label's zone: "Pacific/Auckland time".</summary>
    public static string Label(this Domain.SiteTime time) => time.ZoneName + " time";
}
