using System.Text.RegularExpressions;

namespace Blog.Web.Services.Search;

/// <summary>A piece of highlighted text: <see cref="IsMatch"/> pieces are shown marked.</summary>
public sealed record Highlighted(string Text, bool IsMatch);

/// <summary>Turns what a reader typed into a safe full-text query, and marked-up matches back into HTML.</summary>
public static partial class SearchQuery
{
    public const char MarkStart = '\u0002';
    public const char MarkEnd = '\u0003';

    /// <summary>
    /// Every word becomes a quoted term (so FTS operators typed by a reader are just words) and all must match;
    /// the last word also matches as a prefix, so "Kazakh" finds "Kazakhstan". Empty when there are no words.
    /// </summary>
    /// <summary>The reader's words: letters and digits only, the first twelve.</summary>
    public static IReadOnlyList<string> Words(string input) => WordPattern().Matches(input).Select(m => m.Value).Take(12).ToList();

    public static string ToFts(string input)
    {
        var words = Words(input);
        if (words.Count == 0)
        {
            return "";
        }

        var terms = words.Select(w => $"\"{w}\"").ToList();
        if (words[^1].Length >= 2)
        {
            terms[^1] += "*";
        }

        return string.Join(' ', terms);
    }

    /// <summary>
    /// Splits text from the index at the engine's match markers. The page encodes each piece and wraps matches
    /// in &lt;mark&gt;, so no HTML from the index is ever emitted raw.
    /// </summary>
    public static IReadOnlyList<Highlighted> Highlight(string marked)
    {
        var pieces = new List<Highlighted>();
        var inMatch = false;
        var start = 0;
        for (var i = 0; i <= marked.Length; i++)
        {
            if (i < marked.Length && marked[i] != MarkStart && marked[i] != MarkEnd)
            {
                continue;
            }

            if (i > start)
            {
                pieces.Add(new Highlighted(marked[start..i], inMatch));
            }

            if (i < marked.Length)
            {
                inMatch = marked[i] == MarkStart;
            }

            start = i + 1;
        }

        return pieces;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
