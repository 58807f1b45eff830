using System.Globalization;
using System.Text.Encodings.Web;
using Blog.Web.Domain;
using Microsoft.AspNetCore.Html;

namespace Blog.Web.Pages.Shared;

/// <summary>
/// A picture as an <c>img</c>: every width in <c>srcset</c>, its size in <c>width</c> and <c>height</c> (the page
/// keeps its place before it loads), its alternative text encoded.
/// </summary>
public static class Pictures
{
    public static IHtmlContent Img(ImageRef image, string sizes, string cssClass, bool first = false)
    {
        var e = HtmlEncoder.Default;
        var loading = first ? "fetchpriority=\"high\"" : "loading=\"lazy\" decoding=\"async\"";
        return new HtmlString(
            $"<img class=\"{e.Encode(cssClass)}\" src=\"{e.Encode(image.Near(960))}\" srcset=\"{e.Encode(image.Srcset)}\" sizes=\"{e.Encode(sizes)}\" "
            + $"width=\"{image.Width.ToString(CultureInfo.InvariantCulture)}\" height=\"{image.Height.ToString(CultureInfo.InvariantCulture)}\" "
            + $"alt=\"{e.Encode(image.Alt)}\" {loading}>");
    }
}
