using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Blog.Web.Data;
using Blog.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Blog.Web.Services.Media;

/// <summary>
/// Pictures in an article's body. The Markdown holds an ordinary image whose address is one of the media store's
/// (<c>![what it shows](/media/{id}/960.webp)</c>), so the text stays readable and portable; when the body is
/// drawn, each such image gets every width, its size and lazy loading from the picture's row.
/// </summary>
public static partial class BodyPictures
{
    /// <summary>The width a body picture's Markdown names: the one drawn where no <c>srcset</c> is understood.</summary>
    public const int MarkdownWidth = 960;

    /// <summary>Body pictures fill the text column, which is at most about 42rem.</summary>
    public const string Sizes = "(max-width: 46rem) 100vw, 42rem";

    [GeneratedRegex(@"^/media/(?<id>[0-9a-f]{32})/[0-9]{1,4}\.webp$")]
    private static partial Regex Address();

    [GeneratedRegex(@"/media/(?<id>[0-9a-f]{32})/[0-9]{1,4}\.webp")]
    private static partial Regex AddressInText();

    // What could end the alternative text or turn part of it into emphasis, code, a link or an entity.
    private const string MarkdownSpecial = "\\`*_[]<>!~^|&";

    /// <summary>The Markdown for a picture, its alternative text escaped so it cannot become a link or emphasis.</summary>
    public static string Markdown(string id, string alt)
    {
        var text = new StringBuilder();
        foreach (var c in alt.Trim())
        {
            if (char.IsControl(c))
            {
                text.Append(' ');
                continue;
            }

            if (MarkdownSpecial.Contains(c))
            {
                text.Append('\\');
            }

            text.Append(c);
        }

        return $"![{text}]({ImageRef.Url(id, MarkdownWidth)})";
    }

    /// <summary>The pictures a body's Markdown names, with their sizes, in one query.</summary>
    public static async Task<IReadOnlyDictionary<string, ImageRef>> LoadAsync(BlogDbContext db, string markdown, CancellationToken cancellationToken)
    {
        var ids = AddressInText().Matches(markdown).Select(m => m.Groups["id"].Value).Distinct().Take(200).ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<string, ImageRef>();
        }

        return await db.MediaImages.AsNoTracking().Where(m => ids.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => new ImageRef(m.Id, m.Widths, m.Width, m.Height, ""), cancellationToken);
    }

    /// <summary>Gives each image in <paramref name="body"/> that is a known picture its widths, size and lazy loading.</summary>
    public static void Draw(IElement body, IReadOnlyDictionary<string, ImageRef> pictures)
    {
        foreach (var img in body.QuerySelectorAll("img"))
        {
            if (img.GetAttribute("src") is not { } src || Address().Match(src) is not { Success: true } match
                || !pictures.TryGetValue(match.Groups["id"].Value, out var picture))
            {
                continue;
            }

            img.SetAttribute("src", picture.Near(MarkdownWidth));
            img.SetAttribute("srcset", picture.Srcset);
            img.SetAttribute("sizes", Sizes);
            img.SetAttribute("width", picture.Width.ToString(System.Globalization.CultureInfo.InvariantCulture));
            img.SetAttribute("height", picture.Height.ToString(System.Globalization.CultureInfo.InvariantCulture));
            img.SetAttribute("loading", "lazy");
            img.SetAttribute("decoding", "async");
            img.SetAttribute("class", "body-picture");
        }
    }
}
