using Blog.Web.Services.Legal;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages;

/// <summary>/transparency: the public report for a chosen period; the same figures at /transparency.json and /transparency.csv.</summary>
public sealed class TransparencyModel(TransparencyReport report, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public TransparencyFigures? Figures { get; private set; }

    public string? Error { get; private set; }

    public string Query => QueryString.Create(new Dictionary<string, string?> { ["from"] = From, ["to"] = To }).ToUriComponent();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var (period, error) = ReportPeriod.Parse(From, To, await report.TodayAsync(clock, cancellationToken));
        if (period is null)
        {
            Error = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Figures = await report.FiguresAsync(period, cancellationToken);
        (From, To) = (period.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), period.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }
}
