using System.Globalization;
using System.Text;

namespace Blog.Web.Domain.Moderation;

/// <summary>
/// Finds suppressed names however they are written: any case, spacing, punctuation or diacritics ("J S m i t h",
/// "JOHN-SMITH", "Jóhn Smíth") and with initials ("J. Smith", "J.S."). It errs towards holding a comment for a
/// human: a false hit costs an editor a glance, a miss can be contempt of court.
/// </summary>
public static class SuppressionMatcher
{
    public static bool Matches(string text, IEnumerable<string> terms)
    {
        var tokens = Tokens(text);
        if (tokens.Count == 0)
        {
            return false;
        }

        var squashed = string.Concat(tokens);
        var letterRuns = LetterRuns(tokens);
        foreach (var term in terms)
        {
            var parts = Tokens(term);
            if (parts.Count == 0)
            {
                continue;
            }

            if (parts.Count == 1)
            {
                // One word: as a whole word, or spelled out letter by letter; never inside another word.
                if (tokens.Contains(parts[0]) || letterRuns.Any(run => run.Contains(parts[0], StringComparison.Ordinal)))
                {
                    return true;
                }

                continue;
            }

            var full = string.Concat(parts);
            var initialAndSurname = string.Concat(parts.Take(parts.Count - 1).Select(p => p[0])) + parts[^1];
            var initials = parts.Select(p => p[0].ToString()).ToList();
            if (ContainsAtWordStart(tokens, full) || ContainsAtWordStart(tokens, initialAndSurname) || ContainsSequence(tokens, initials))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Lower-case letters-and-digits words, diacritics removed.</summary>
    public static List<string> Tokens(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }

        return builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    /// <summary>
    /// True when the words, joined, contain <paramref name="target"/> starting at the start of a word and ending at
    /// the end of one: "john smith", "johnsmith" and "j s m i t h" match "johnsmith"; "johnson smithers" does not.
    /// </summary>
    private static bool ContainsAtWordStart(List<string> tokens, string target)
    {
        for (var start = 0; start < tokens.Count; start++)
        {
            var joined = new StringBuilder();
            for (var end = start; end < tokens.Count && joined.Length < target.Length; end++)
            {
                joined.Append(tokens[end]);
                if (joined.Length == target.Length && joined.ToString() == target)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool ContainsSequence(List<string> tokens, List<string> sequence)
    {
        for (var i = 0; i + sequence.Count <= tokens.Count; i++)
        {
            if (sequence.Select((s, j) => tokens[i + j] == s).All(x => x))
            {
                return true;
            }
        }

        return false;
    }

    private static List<string> LetterRuns(List<string> tokens)
    {
        var runs = new List<string>();
        var current = new StringBuilder();
        foreach (var token in tokens)
        {
            if (token.Length == 1)
            {
                current.Append(token);
            }
            else if (current.Length > 0)
            {
                runs.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            runs.Add(current.ToString());
        }

        return runs;
    }
}
