using SkiaSharp;

namespace Blog.Web.Services.Demo;

/// <summary>
/// The demo articles' pictures, drawn here (no file is shipped or fetched): a court building under a sky, in a few
/// palettes, as a JPEG an editor might upload.
/// </summary>
public static class DemoPictures
{
    public sealed record Picture(string Alt, SKColor SkyTop, SKColor SkyBottom, SKColor Stone);

    /// <summary>By the demo article's position in <see cref="DemoCases.Articles"/>.</summary>
    public static readonly IReadOnlyList<Picture> ForArticles =
    [
        new("A columned court building under a clear morning sky", new SKColor(0x2B, 0x4C, 0x7E), new SKColor(0xF2, 0xC1, 0x8D), new SKColor(0xE8, 0xE2, 0xD6)),
        new("A court building at dusk, its steps in shadow", new SKColor(0x1B, 0x1F, 0x3B), new SKColor(0xB5, 0x5D, 0x4C), new SKColor(0xC9, 0xC2, 0xB8)),
        new("A court building on an overcast day", new SKColor(0x6B, 0x76, 0x82), new SKColor(0xD5, 0xDB, 0xE0), new SKColor(0xF0, 0xEE, 0xEA)),
    ];

    /// <summary>A second picture, in the first demo article's body.</summary>
    public static readonly Picture InBody =
        new("The court building's columns seen from the foot of its steps", new SKColor(0x3A, 0x5A, 0x40), new SKColor(0xE6, 0xD8, 0xA8), new SKColor(0xDD, 0xD5, 0xC5));

    /// <summary>The body with a picture's Markdown after its second paragraph.</summary>
    public static string WithPicture(string body, string pictureMarkdown)
    {
        var paragraphs = body.Split("\n\n").ToList();
        paragraphs.Insert(Math.Min(2, paragraphs.Count), pictureMarkdown);
        return string.Join("\n\n", paragraphs);
    }

    public static byte[] Draw(Picture picture, int width = 1600, int height = 900)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var sky = new SKPaint { Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, height), [picture.SkyTop, picture.SkyBottom], SKShaderTileMode.Clamp) };
            canvas.DrawRect(0, 0, width, height, sky);
            using var stone = new SKPaint { Color = picture.Stone, IsAntialias = true };
            using var shade = new SKPaint { Color = picture.Stone.WithAlpha(255).WithRed((byte)(picture.Stone.Red * 0.7)).WithGreen((byte)(picture.Stone.Green * 0.7)).WithBlue((byte)(picture.Stone.Blue * 0.7)), IsAntialias = true };

            float left = width * 0.2f, right = width * 0.8f, roof = height * 0.28f, eaves = height * 0.4f, floor = height * 0.78f;
            using var pediment = SKPath.ParseSvgPathData(FormattableString.Invariant($"M{left - 30},{eaves} L{width / 2f},{roof} L{right + 30},{eaves} Z"));
            canvas.DrawPath(pediment, stone);
            canvas.DrawRect(left - 20, eaves, right - left + 40, height * 0.04f, shade);
            const int columns = 6;
            var gap = (right - left) / (columns - 1);
            for (var i = 0; i < columns; i++)
            {
                canvas.DrawRect(left + i * gap - 18, eaves + height * 0.04f, 36, floor - eaves - height * 0.04f, stone);
            }

            for (var step = 0; step < 4; step++)
            {
                var overhang = 100 + step * 25f;
                canvas.DrawRect(left - overhang, floor + step * height * 0.03f, right - left + 2 * overhang, height * 0.03f, step % 2 == 0 ? stone : shade);
            }

            using var ground = new SKPaint { Color = shade.Color.WithAlpha(200) };
            canvas.DrawRect(0, floor + 4 * height * 0.03f, width, height, ground);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 88);
        return jpeg.ToArray();
    }
}
