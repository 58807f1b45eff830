using Blog.Web.Infrastructure.Caching;
using Blog.Web.Services;
using Microsoft.AspNetCore.HttpOverrides;

namespace Blog.Web.Infrastructure;

public static class BlogPipeline
{
    // No inline script or style anywhere: everything comes from our own origin.
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public static WebApplication UseBlog(this WebApplication app)
    {
        // X-Forwarded-* is believed only from the proxies named in configuration. With none named, the middleware is
        // not used at all: ASP.NET Core would believe every sender once both of its trusted lists are cleared.
        var forwarded = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ForwardedHeadersOptions>>().Value;
        if (forwarded.KnownProxies.Count > 0 || forwarded.KnownIPNetworks.Count > 0)
        {
            app.UseForwardedHeaders();
        }
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
            if (app.Environment.IsProduction())
            {
                app.UseHttpsOnly();
            }
        }

        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            await next(context);
        });

        if (app.Configuration.GetValue<bool>("Diagnostics:SqlCommandHeader"))
        {
            app.Use(async (context, next) =>
            {
                // Only the requests that ask are counted: the load itself runs as it would with the setting off.
                if (!context.Request.Headers.ContainsKey(SqlCommandCounting.AskHeader))
                {
                    await next(context);
                    return;
                }

                // The benchmark's way to measure a page as it is just after a write: empty the cache first.
                if (context.Request.Headers.ContainsKey("X-Bench-Fresh"))
                {
                    await context.RequestServices.GetRequiredService<Caching.SiteCache>().EvictAsync([Caching.CacheTags.Everything], context.RequestAborted);
                }

                var box = SqlCommandCounting.Begin();
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers["X-Sql-Commands"] = box.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    return Task.CompletedTask;
                });
                await next(context);
            });
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseErrorPagesAsGet();
        app.UseUnreadableFormRefusal();
        app.UseRouting();
        app.UseOutputCache();
        // Inside the output cache, so an anonymous page is compressed once and kept compressed.
        app.UsePageCompression();
        app.UseNoOpCookieDeletionRemoval();
        app.UseFreshSessionOnSignIn();
        app.UseAuthentication();
        // After authentication: signed-in readers are limited per account, not per shared address.
        app.UseRateLimiter();
        app.UseAuthorization();

        // wwwroot, as the build lists it: fingerprinted addresses (which the layout's links resolve to) served with
        // immutable lifetimes, and gzip and Brotli variants compressed at build and publish, never per request.
        app.MapStaticAssets();
        app.MapHealthChecks("/healthz");
        app.MapGet("/robots.txt", (HttpContext context) =>
            Results.Text($"""
                User-agent: *
                Disallow: /account/
                Disallow: /editor/
                Disallow: /search

                Sitemap: {BaseUrl(context)}/sitemap.xml

                """, "text/plain"));
        // Feeds and the sitemap are lists: any article or case saved evicts them.
        app.MapGet("/feed", async (HttpContext context, FeedService feeds, CancellationToken ct) =>
            Xml(await feeds.SiteFeedAsync(BaseUrl(context), ct), "application/atom+xml")).CacheOutput(Caching.AnonymousPagesPolicy.Name).AddEndpointFilter(TagAsList);
        app.MapGet("/cases/{slug}/feed", async (string slug, HttpContext context, FeedService feeds, CancellationToken ct) =>
            await feeds.CaseFeedAsync(BaseUrl(context), slug, ct) is { } feed ? Xml(feed, "application/atom+xml") : Results.NotFound())
            .CacheOutput(Caching.AnonymousPagesPolicy.Name).AddEndpointFilter(TagAsList);
        // Stripe posts here; it carries no cookie and no antiforgery token, so the signature is what authenticates it.
        app.MapPost("/stripe/webhook", async (HttpContext context, Services.Subscriptions.StripeBilling billing, CancellationToken ct) =>
        {
            if (!billing.Enabled)
            {
                return Results.NotFound();
            }

            using var reader = new StreamReader(context.Request.Body);
            var json = await reader.ReadToEndAsync(ct);
            return await billing.HandleWebhookAsync(json, context.Request.Headers["Stripe-Signature"], ct) switch
            {
                Services.Subscriptions.WebhookOutcome.BadSignature => Results.BadRequest("invalid signature"),
                _ => Results.Ok(),
            };
        });
        app.MapGet("/sitemap.xml", async (HttpContext context, FeedService feeds, CancellationToken ct) =>
            Xml(await feeds.SitemapAsync(BaseUrl(context), ct), "application/xml")).CacheOutput(Caching.AnonymousPagesPolicy.Name).AddEndpointFilter(TagAsList);
        // The transparency report's figures, for machines: the same period rules and numbers as /transparency.
        app.MapGet("/transparency.json", (string? from, string? to, Services.Legal.TransparencyReport report, TimeProvider clock, CancellationToken ct) =>
            TransparencyAsync(from, to, report, clock, figures => Results.Json(figures), ct));
        app.MapGet("/transparency.csv", (string? from, string? to, Services.Legal.TransparencyReport report, TimeProvider clock, CancellationToken ct) =>
            TransparencyAsync(from, to, report, clock, figures => Results.Text(figures.ToCsv(), "text/csv; charset=utf-8"), ct));
        app.MapRazorPages().WithStaticAssets();
        return app;
    }

    private static async Task<IResult> TransparencyAsync(string? from, string? to, Services.Legal.TransparencyReport report, TimeProvider clock,
        Func<Services.Legal.TransparencyFigures, IResult> answer, CancellationToken cancellationToken)
    {
        var (period, error) = Services.Legal.ReportPeriod.Parse(from, to, await report.TodayAsync(clock, cancellationToken));
        return period is null ? Results.BadRequest(new { error }) : answer(await report.FiguresAsync(period, cancellationToken));
    }

    private static ValueTask<object?> TagAsList(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        Caching.PageTags.TagPage(invocation.HttpContext, Caching.CacheTags.Lists);
        return next(invocation);
    }

    /// <summary>The configured public address (never the request's Host, which a client chooses).</summary>
    public static string BaseUrl(HttpContext context) =>
        context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Configuration.SiteOptions>>().Value.Origin;

    private static IResult Xml(System.Xml.Linq.XDocument document, string contentType) =>
        Results.Text(document.Declaration + "\n" + document.ToString(System.Xml.Linq.SaveOptions.DisableFormatting), contentType + "; charset=utf-8");
}
