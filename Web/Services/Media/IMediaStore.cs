using Blog.Web.Configuration;
using Microsoft.Extensions.Options;

namespace Blog.Web.Services.Media;

/// <summary>
/// Where pictures' files are kept, by name. A folder on this machine by default (a folder every instance shares, when
/// there are several); object storage can take its place behind this seam.
/// </summary>
public interface IMediaStore
{
    Task SaveAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>The file, or null when there is none by that name.</summary>
    Task<Stream?> OpenReadAsync(string name, CancellationToken cancellationToken);
}

/// <summary>Pictures as files in <c>Media:Path</c>, outside <c>wwwroot</c>: only what the media page serves is served.</summary>
public sealed class FileMediaStore(IOptions<MediaOptions> options, IHostEnvironment environment) : IMediaStore
{
    private string Folder => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Path));

    public async Task SaveAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var path = PathOf(name);
        Directory.CreateDirectory(Folder);
        // Written aside and moved into place: a reader never gets half a file, and a crash leaves no torn one.
        var temporary = path + ".part";
        await File.WriteAllBytesAsync(temporary, content.ToArray(), cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    public Task<Stream?> OpenReadAsync(string name, CancellationToken cancellationToken)
    {
        var path = PathOf(name);
        return Task.FromResult<Stream?>(File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true)
            : null);
    }

    // Names are made by the site (an id and a width); anything else is refused rather than joined to a path.
    private string PathOf(string name) =>
        name.Length is > 0 and <= 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.') && !name.Contains("..", StringComparison.Ordinal)
            ? Path.Combine(Folder, name)
            : throw new ArgumentException("Not a media file name.", nameof(name));
}
