using System.Globalization;

namespace Blog.Web.Domain;

/// <summary>
/// An uploaded picture, kept as the widths it was resized to at upload (WebP, metadata stripped): never the upload
/// itself. The files live in the media store under <see cref="FileName"/>; the row says which widths exist.
/// </summary>
public sealed class MediaImage
{
    public const int IdLength = 32;
    public const int AltMaxLength = 300;

    /// <summary>The widths pictures are made in, at most; a smaller picture is kept at its own width, never enlarged.</summary>
    public static readonly IReadOnlyList<int> StandardWidths = [480, 960, 1600];

    /// <summary>A random id (32 hex digits): the files' names, so they can be served for a year without changing.</summary>
    public string Id { get; set; } = "";

    /// <summary>The widths kept, smallest first, e.g. "480,960,1200".</summary>
    public string Widths { get; set; } = "";

    /// <summary>The largest kept picture's size, for the page's width and height (no layout shift).</summary>
    public int Width { get; set; }

    public int Height { get; set; }

    /// <summary>What the upload was (image/jpeg, image/png, image/webp), read from its bytes.</summary>
    public string SourceType { get; set; } = "";

    public long SourceBytes { get; set; }

    public string UploadedById { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public static string FileName(string id, int width) => $"{id}-{width.ToString(CultureInfo.InvariantCulture)}.webp";

    public static bool IsId(string? id) => id is { Length: IdLength } && id.All(char.IsAsciiHexDigitLower);

    public static IReadOnlyList<int> ParseWidths(string widths) =>
        [.. widths.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(w => int.Parse(w, CultureInfo.InvariantCulture))];
}

/// <summary>A picture as a page draws it: where each width is, how big the largest is, and what it shows.</summary>
public sealed record ImageRef(string Id, string Widths, int Width, int Height, string Alt)
{
    public IReadOnlyList<int> WidthList => MediaImage.ParseWidths(Widths);

    public static string Url(string id, int width) => $"/media/{id}/{width.ToString(CultureInfo.InvariantCulture)}.webp";

    /// <summary>The largest picture's address.</summary>
    public string Largest => Url(Id, WidthList[^1]);

    /// <summary>The picture nearest <paramref name="wanted"/> pixels wide, not narrower when a wider one exists.</summary>
    public string Near(int wanted) => Url(Id, WidthList.FirstOrDefault(w => w >= wanted, WidthList[^1]));

    public string Srcset => string.Join(", ", WidthList.Select(w => $"{Url(Id, w)} {w.ToString(CultureInfo.InvariantCulture)}w"));

    /// <summary>The height at <paramref name="width"/>, keeping the proportions.</summary>
    public int HeightAt(int width) => (int)Math.Round(Height * (double)width / Width);
}
