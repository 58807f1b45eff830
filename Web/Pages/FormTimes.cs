namespace Blog.Web.Pages;

public static class FormTimes
{
    /// <summary>A datetime-local field's value, which the forms label as UTC.</summary>
    public static DateTimeOffset? AsUtc(this DateTime? value) =>
        value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;

    /// <summary>A UTC time as a datetime-local field's value.</summary>
    public static string ForInput(this DateTime? value) =>
        value is { } v ? v.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "";
}
