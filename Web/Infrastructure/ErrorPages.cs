using Blog.Web.Configuration;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Blog.Web.Infrastructure;

public static class ErrorPages
{
    /// <summary>
    /// Error pages (for an unhandled exception or an error status with no body) are drawn as a GET whatever the
    /// request was. The stock re-execution keeps the method, so a POST refused for a missing antiforgery token re-ran
    /// the error page as a POST, which was refused for the same reason and left an empty 400. Placed after both
    /// re-executing middlewares, this runs again when they re-run the pipeline for the error page.
    /// </summary>
    public static IApplicationBuilder UseErrorPagesAsGet(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerPathFeature>() is not null)
        {
            context.Request.Method = HttpMethods.Get;
        }

        return next(context);
    });

    /// <summary>Set by middleware that refuses a request, for the error page to say exactly why.</summary>
    public const string ReasonKey = "error-page:reason";

    /// <summary>
    /// A form the framework cannot decode (a NUL character, found by wapiti: "The form value contains invalid
    /// characters", as in aspnetcore#29420) threw from model binding and answered 500, even on the error page. The form is read here first; one that
    /// cannot be read is refused with a 400 that says why.
    /// </summary>
    public static IApplicationBuilder UseUnreadableFormRefusal(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType)
        {
            try
            {
                await context.Request.ReadFormAsync(context.RequestAborted);
            }
            catch (Exception ex) when (ex is InvalidOperationException or InvalidDataException)
            {
                // Later readers of the form (model binding of the error page itself) get an empty one, not the exception.
                context.Features.Set<Microsoft.AspNetCore.Http.Features.IFormFeature>(new Microsoft.AspNetCore.Http.Features.FormFeature(FormCollection.Empty));
                context.Items[ReasonKey] = "The form contained a character the site cannot accept (such as a NUL character). Go back, remove it and try again.";
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
        }

        await next(context);
    });

    /// <summary>
    /// In Production every page is https (the cookies are Secure). A plain-http request is sent to the same path on
    /// the configured https address, or refused with a clear message when it carries a body; never a 500.
    /// </summary>
    public static IApplicationBuilder UseHttpsOnly(this IApplicationBuilder app)
    {
        var site = app.ApplicationServices.GetRequiredService<IOptions<SiteOptions>>().Value;
        return app.Use(async (context, next) =>
        {
            if (context.Request.IsHttps || context.Request.Path.StartsWithSegments("/healthz"))
            {
                await next(context);
                return;
            }

            if ((HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                && site.BaseUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = StatusCodes.Status308PermanentRedirect;
                context.Response.Headers.Location = site.Link(context.Request.Path + context.Request.QueryString);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync($"This site works only over https. Please use {site.Origin}.", context.RequestAborted);
        });
    }
}
