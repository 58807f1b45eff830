namespace Blog.Web.Domain;

/// <summary>Fields kept as one entry per line (citations, suppressed terms): the entries, trimmed, blanks dropped.</summary>
public static class LineList
{
    public static string[] Split(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string First(string text) => Split(text).FirstOrDefault() ?? "";
}
