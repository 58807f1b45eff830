using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages;

/// <summary>
/// Friendly pages for status codes and unhandled errors; never a stack trace. Always drawn as a GET (see
/// <c>ErrorPages</c>): the page for a refused form must not itself need that form's token.
/// </summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    public string Heading { get; private set; } = "Something went wrong";

    public string Message { get; private set; } = "Sorry, we could not show this page. The problem has been logged; please try again in a moment.";

    public IActionResult OnGet(int? code)
    {
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>() is { } failure)
        {
            // On record with its type and place; the request's values (which can be personal) are not.
            logger.LogError("Unhandled {Exception} on {Path}: {Trace}", failure.Error.GetType().Name, failure.Path, failure.Error.StackTrace);
        }

        // An unhandled "database is locked" is a passing condition: say so, with when to come back.
        if (code is null && Data.DatabaseBusy.IsBusy(HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error))
        {
            code = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = Data.DatabaseBusy.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        // Only real error codes: /error/200 or /error/999 is not a page.
        if (code is not null and not (>= 400 and <= 599))
        {
            code = StatusCodes.Status404NotFound;
        }

        var status = code ?? StatusCodes.Status500InternalServerError;
        Response.StatusCode = status;
        (Heading, Message) = status switch
        {
            404 => ("Page not found", "We could not find that page. It may have moved, or the link may be mistyped."),
            403 => ("Not allowed", "Your account does not have access to this page."),
            400 => ("We could not accept that", "If you sent a form, it may have been open too long or come from another site. Go back, reload the page and try again."),
            405 => ("Not allowed here", "That kind of request is not accepted at this address."),
            429 => ("Slow down", $"Too many attempts in a short time. Please wait {Wait()} and try again."),
            503 => ("Busy for a moment", $"The site is busy just now. Please wait {Wait()} and try again; nothing you were told was saved has been lost."),
            _ => (Heading, Message),
        };
        if (HttpContext.Items[Infrastructure.ErrorPages.ReasonKey] is string reason)
        {
            Message = reason;
        }

        return Page();
    }

    private string Wait() =>
        int.TryParse(Response.Headers.RetryAfter.ToString(), out var seconds) && seconds > 0
            ? seconds < 90 ? $"{seconds} second{(seconds == 1 ? "" : "s")}" : $"{(seconds + 59) / 60} minutes"
            : "a minute";
}
