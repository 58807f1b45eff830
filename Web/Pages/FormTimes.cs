namespace Blog.Web.Pages;

internal static class FormTimes
{
    /// <summary>A datetime-local field's value, which the forms label as UTC.</summary>
    public static DateTimeOffset? AsUtc(this DateTime? value) =>
        value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;
}
