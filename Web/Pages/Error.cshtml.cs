using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages;

/// <summary>Friendly pages for status codes and unhandled errors; never a stack trace.</summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Heading { get; private set; } = "Something went wrong";

    public string Message { get; private set; } = "Sorry, we could not show this page. The problem has been logged; please try again in a moment.";

    public void OnGet(int? code) => Describe(code);

    // A failed POST is re-executed as a POST; answer it the same way.
    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var status = code ?? StatusCodes.Status500InternalServerError;
        Response.StatusCode = status;
        (Heading, Message) = status switch
        {
            404 => ("Page not found", "We could not find that page. It may have moved, or the link may be mistyped."),
            403 => ("Not allowed", "Your account does not have access to this page."),
            400 => ("Bad request", "We could not understand that request. If you submitted a form, go back and try again."),
            429 => ("Slow down", "Too many requests from your connection. Please wait a minute and try again."),
            _ => (Heading, Message),
        };
    }
}
