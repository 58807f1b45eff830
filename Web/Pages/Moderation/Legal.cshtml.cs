using Blog.Web.Services.Legal;
using Blog.Web.Services.Moderation;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Moderation;

/// <summary>/moderation/legal: open complaints by time left (overdue first), and the ones closed last.</summary>
public sealed class LegalModel(ComplaintService complaints, ModerationService moderation, TimeProvider clock) : PageModel
{
    /// <summary>Within this of its deadline, a complaint is marked as due soon.</summary>
    public static readonly TimeSpan Warning = TimeSpan.FromHours(24);

    public IReadOnlyList<LegalQueueLine> Open { get; private set; } = [];

    public IReadOnlyList<LegalQueueLine> Closed { get; private set; } = [];

    public IReadOnlyDictionary<Queue, int> Counts { get; private set; } = new Dictionary<Queue, int>();

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        Open = await complaints.QueueAsync(cancellationToken);
        Closed = await complaints.RecentlyClosedAsync(cancellationToken);
        Counts = await moderation.CountsAsync(cancellationToken);
    }

    public static string TimeLeft(TimeSpan left) =>
        left < TimeSpan.Zero ? $"Overdue by {Span(-left)}" : $"{Span(left)} left";

    private static string Span(TimeSpan span) => span.TotalHours >= 48
        ? $"{(int)span.TotalDays} days {span.Hours} h"
        : span.TotalMinutes >= 60 ? $"{(int)span.TotalHours} h {span.Minutes} min" : $"{Math.Max(1, (int)span.TotalMinutes)} min";
}
