using System.Globalization;
using System.Text;

namespace Blog.Web.Domain;

public static class Slug
{
    public const int MaxLength = 80;

    /// <summary>Lower-case ASCII words joined by hyphens; diacritics folded, everything else dropped.</summary>
    public static string From(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(normalized.Length);
        var pendingHyphen = false;
        foreach (var c in normalized)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(c));
                pendingHyphen = false;
            }
            else if (c != '\'' && c != '\u2019')
            {
                pendingHyphen = true;
            }
        }

        var slug = builder.ToString();
        if (slug.Length > MaxLength)
        {
            slug = slug[..MaxLength].TrimEnd('-');
        }

        return slug;
    }

    /// <summary>
    /// The slug to use: the editor's own (cleaned) or one made from the title, with -2, -3... added until it is
    /// not <paramref name="taken"/>.
    /// </summary>
    public static string Unique(string? requested, string title, Func<string, bool> taken)
    {
        var baseSlug = From(string.IsNullOrWhiteSpace(requested) ? title : requested);
        if (baseSlug.Length == 0)
        {
            baseSlug = "untitled";
        }

        var candidate = baseSlug;
        for (var n = 2; taken(candidate); n++)
        {
            var suffix = $"-{n}";
            candidate = (baseSlug.Length + suffix.Length > MaxLength ? baseSlug[..(MaxLength - suffix.Length)] : baseSlug) + suffix;
        }

        return candidate;
    }
}
