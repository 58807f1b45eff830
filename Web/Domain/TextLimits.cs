namespace Blog.Web.Domain;

/// <summary>
/// The longest text each free-text field takes, checked on the server with a sentence for people (a browser's
/// maxlength is a courtesy, not a check). The numbers match the database columns.
/// </summary>
public static class TextLimits
{
    public const int ReportDetails = 1000;
    public const int ModeratorNote = 500;
    public const int SanctionReason = 1000;
    public const int GrantReason = 500;
    public const int AdName = 100;
    public const int AdText = 300;
    public const int AdLink = 500;
    public const int AdImage = 200;
    public const int PersonName = 200;
    public const int ComplaintText = 4000;

    /// <summary>Null when <paramref name="value"/> fits; otherwise what to tell the person.</summary>
    public static string? TooLong(string? value, int max, string what) =>
        (value?.Trim().Length ?? 0) > max ? $"{what} can be at most {max:N0} characters; this one has {value!.Trim().Length:N0}." : null;

    /// <summary>Text cut to fit a column of <paramref name="max"/> characters, with an ellipsis where it was cut.</summary>
    public static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
