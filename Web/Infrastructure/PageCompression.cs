using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace Blog.Web.Infrastructure;

/// <summary>
/// Brotli or gzip for pages sent to readers without cookies: the anonymous pages the output cache keeps, which are
/// compressed once and stored compressed (the middleware sits inside the output cache). Responses to a request with
/// cookies are not compressed: they carry antiforgery tokens beside text a visitor can choose (a search, a comment),
/// which over TLS is what the BREACH attack reads through compression. Static files are not compressed here.
/// </summary>
public static class PageCompression
{
    private static readonly string[] MimeTypes = ["text/html", "application/atom+xml", "application/xml", "text/plain"];

    public static IServiceCollection AddPageCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = MimeTypes;
        });
        // Compressed once per kept page, so a better ratio than the fastest level is worth it; not the slowest.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        return services;
    }

    public static IApplicationBuilder UsePageCompression(this IApplicationBuilder app) =>
        app.UseWhen(context => context.Request.Cookies.Count == 0, branch => branch.UseResponseCompression());

    /// <summary>The encoding the middleware will choose for this request: "br", "gzip" or "identity".</summary>
    public static string EncodingFor(HttpRequest request)
    {
        if (request.Cookies.Count > 0)
        {
            return "identity";
        }

        var accepted = request.Headers.AcceptEncoding.ToString();
        return accepted.Contains("br", StringComparison.OrdinalIgnoreCase) ? "br"
            : accepted.Contains("gzip", StringComparison.OrdinalIgnoreCase) ? "gzip"
            : "identity";
    }
}
