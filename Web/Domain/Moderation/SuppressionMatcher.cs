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
    public static bool Matches(string text, IEnumerable<string> terms) =>
        FirstMatch(text, terms.Select(t => new SuppressedTerm(0, t))) is not null;

    /// <summary>The first term (with its order) that the text names, however it is written; null when none.</summary>
    public static SuppressedTerm? FirstMatch(string text, IEnumerable<SuppressedTerm> terms)
    {
        var tokens = Tokens(text);
        if (tokens.Count == 0)
        {
            return null;
        }

        var squashed = string.Concat(tokens);
        var letterRuns = LetterRuns(tokens);
        foreach (var suppressed in terms)
        {
            var parts = Tokens(suppressed.Term);
            if (parts.Count == 0)
            {
                continue;
            }

            if (parts.Count == 1)
            {
                // One word: as a whole word, or spelled out letter by letter; never inside another word.
                if (tokens.Contains(parts[0]) || letterRuns.Any(run => run.Contains(parts[0], StringComparison.Ordinal)))
                {
                    return suppressed;
                }

                continue;
            }

            var full = string.Concat(parts);
            var initialAndSurname = string.Concat(parts.Take(parts.Count - 1).Select(p => p[0])) + parts[^1];
            var initials = parts.Select(p => p[0].ToString()).ToList();
            if (ContainsAtWordStart(tokens, full) || ContainsAtWordStart(tokens, initialAndSurname) || ContainsSequence(tokens, initials))
            {
                return suppressed;
            }
        }

        return null;
    }

    /// <summary>
    /// The words of <paramref name="text"/> a moderator should see marked for <paramref name="term"/>: every word
    /// whose folded form is one of the term's words, or one of its initials standing alone.
    /// </summary>
    public static bool IsPartOf(string word, string term)
    {
        var folded = Tokens(word);
        if (folded.Count != 1)
        {
            return false;
        }

        var parts = Tokens(term);
        return parts.Contains(folded[0]) || (folded[0].Length == 1 && parts.Any(p => p[0] == folded[0][0]));
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
