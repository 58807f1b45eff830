using Blog.Web.Domain;
using Blog.Web.Services.Media;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Media;

/// <summary>
/// A picture at one of its widths. A picture's files never change (a new upload is a new id), so they are sent to be
/// kept for a year; names are checked before the store is asked.
/// </summary>
public sealed class ImageModel(IMediaStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string id, int width, CancellationToken cancellationToken)
    {
        if (!MediaImage.IsId(id) || width is < 1 or > 4000 || await store.OpenReadAsync(MediaImage.FileName(id, width), cancellationToken) is not { } file)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return File(file, "image/webp");
    }
}
