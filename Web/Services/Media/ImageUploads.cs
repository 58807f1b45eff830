using System.Security.Cryptography;
using Blog.Web.Configuration;
using Blog.Web.Data;
using Blog.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Blog.Web.Services.Media;

public sealed record ImageUpload(MediaImage? Image, string? Error)
{
    public static ImageUpload Refused(string error) => new(null, error);
}

/// <summary>
/// Takes an uploaded picture: its type read from its bytes (JPEG, PNG or WebP, whatever its name or the browser
/// says), its size and pixel count bounded before it is decoded, turned upright, resized to a few widths and kept as
/// WebP without its metadata (a phone's location never leaves with it).
/// </summary>
public sealed class ImageUploads(BlogDbContext db, IMediaStore store, IOptions<MediaOptions> options, TimeProvider clock, ILogger<ImageUploads> logger)
{
    /// <summary>Pixels a picture may have before it is decoded (a small file can claim an enormous picture).</summary>
    public const long MaxPixels = 50_000_000;

    public const int Quality = 82;

    public long MaxBytes => options.Value.MaxUploadMegabytes * 1024L * 1024L;

    public async Task<ImageUpload> AddAsync(Stream upload, string uploaderId, CancellationToken cancellationToken)
    {
        var bytes = await ReadBoundedAsync(upload, cancellationToken);
        if (bytes is null)
        {
            return ImageUpload.Refused($"The picture is larger than {options.Value.MaxUploadMegabytes} MB. Choose a smaller file.");
        }

        if (Sniff(bytes) is not { } sourceType)
        {
            return ImageUpload.Refused("That file is not a JPEG, PNG or WebP picture. Choose a picture in one of those formats.");
        }

        var made = Resize(bytes, sourceType);
        if (made.Error is { } error)
        {
            return ImageUpload.Refused(error);
        }

        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(MediaImage.IdLength / 2));
        foreach (var (width, webp) in made.Renditions)
        {
            await store.SaveAsync(MediaImage.FileName(id, width), webp, cancellationToken);
        }

        var (largestWidth, largestHeight) = made.Largest;
        var image = new MediaImage
        {
            Id = id, Widths = string.Join(',', made.Renditions.Select(r => r.Width)), Width = largestWidth, Height = largestHeight,
            SourceType = sourceType, SourceBytes = bytes.Length, UploadedById = uploaderId, CreatedAt = clock.GetUtcNow(),
        };
        db.MediaImages.Add(image);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Picture {ImageId} stored at widths {Widths}", id, image.Widths);
        return new ImageUpload(image, null);
    }

    /// <summary>A stored picture as a page draws it, with the alternative text it is used with.</summary>
    public async Task<ImageRef?> FindAsync(string id, string alt, CancellationToken cancellationToken) =>
        MediaImage.IsId(id)
            ? await db.MediaImages.AsNoTracking().Where(m => m.Id == id)
                .Select(m => new ImageRef(m.Id, m.Widths, m.Width, m.Height, alt)).FirstOrDefaultAsync(cancellationToken)
            : null;

    /// <summary>What the bytes are, by their first bytes: never by the file's name or the type the browser sent.</summary>
    public static string? Sniff(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => "image/webp",
        _ => null,
    };

    private sealed record Made(IReadOnlyList<(int Width, byte[] Webp)> Renditions, (int Width, int Height) Largest, string? Error);

    private static Made Resize(byte[] bytes, string sourceType)
    {
        static Made Refused(string error) => new([], (0, 0), error);
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null || Format(sourceType) != codec.EncodedFormat)
        {
            return Refused("That picture could not be read: the file may be damaged. Choose another.");
        }

        if ((long)codec.Info.Width * codec.Info.Height > MaxPixels)
        {
            return Refused($"The picture has more than {MaxPixels / 1_000_000} million pixels. Choose a smaller one.");
        }

        using var decoded = SKBitmap.Decode(codec, codec.Info.WithColorType(SKColorType.Rgba8888).WithAlphaType(SKAlphaType.Premul));
        if (decoded is null)
        {
            return Refused("That picture could not be read: the file may be damaged. Choose another.");
        }

        using var upright = Upright(decoded, codec.EncodedOrigin);
        var widths = MediaImage.StandardWidths.Where(w => w < upright.Width).Append(Math.Min(upright.Width, MediaImage.StandardWidths[^1])).Distinct().ToList();
        var renditions = new List<(int, byte[])>();
        var largest = (0, 0);
        foreach (var width in widths)
        {
            var height = Math.Max(1, (int)Math.Round(upright.Height * (double)width / upright.Width));
            using var resized = width == upright.Width ? upright.Copy() : upright.Resize(new SKImageInfo(width, height), new SKSamplingOptions(SKCubicResampler.Mitchell));
            using var image = SKImage.FromBitmap(resized);
            using var webp = image.Encode(SKEncodedImageFormat.Webp, Quality);
            renditions.Add((width, webp.ToArray()));
            largest = (width, height);
        }

        return new Made(renditions, largest, null);
    }

    private static SKEncodedImageFormat Format(string type) => type switch
    {
        "image/jpeg" => SKEncodedImageFormat.Jpeg,
        "image/png" => SKEncodedImageFormat.Png,
        _ => SKEncodedImageFormat.Webp,
    };

    // A phone's picture is stored sideways with a note to turn it; the note goes with the metadata, so turn it now.
    private static SKBitmap Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        var (degrees, swap) = origin switch
        {
            SKEncodedOrigin.BottomRight => (180, false),
            SKEncodedOrigin.RightTop => (90, true),
            SKEncodedOrigin.LeftBottom => (270, true),
            _ => (0, false),
        };
        if (degrees == 0)
        {
            return source.Copy();
        }

        var turned = new SKBitmap(swap ? source.Height : source.Width, swap ? source.Width : source.Height, source.ColorType, source.AlphaType);
        using var canvas = new SKCanvas(turned);
        canvas.Translate(turned.Width / 2f, turned.Height / 2f);
        canvas.RotateDegrees(degrees);
        canvas.Translate(-source.Width / 2f, -source.Height / 2f);
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear));
        return turned;
    }

    private async Task<byte[]?> ReadBoundedAsync(Stream upload, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await upload.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
