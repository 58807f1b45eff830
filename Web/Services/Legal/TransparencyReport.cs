using System.Globalization;
using System.Text;
using Blog.Web.Configuration;
using Blog.Web.Data;
using Blog.Web.Domain.Legal;
using Blog.Web.Domain.Moderation;
using Blog.Web.Services.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Blog.Web.Services.Legal;

public sealed record Count(string Group, string Item, int Number);

/// <summary>A period, in whole days of the site's time zone: from the start of <see cref="From"/> to the end of <see cref="To"/>.</summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To)
{
    public const int MaxDays = 3660;

    /// <summary>The period asked for, or the last year; an inverted or over-long period is refused with the reason.</summary>
    public static (ReportPeriod? Period, string? Error) Parse(string? from, string? to, DateOnly today)
    {
        var end = today;
        var start = today.AddYears(-1).AddDays(1);
        if (!string.IsNullOrWhiteSpace(to) && !DateOnly.TryParseExact(to.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out end))
        {
            return (null, "Give the end of the period as a date, like 2026-12-31.");
        }

        if (!string.IsNullOrWhiteSpace(from) && !DateOnly.TryParseExact(from.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out start))
        {
            return (null, "Give the start of the period as a date, like 2026-01-01.");
        }

        if (start > end)
        {
            return (null, "The period starts after it ends: swap the dates.");
        }

        return end.DayNumber - start.DayNumber >= MaxDays ? (null, "Choose a period of at most ten years.") : (new ReportPeriod(start, end), null);
    }
}

/// <summary>The transparency report's figures for one period (DSA art 15 and 24).</summary>
public sealed record TransparencyFigures(
    ReportPeriod Period,
    IReadOnlyList<Count> Notices,
    IReadOnlyList<Count> Reports,
    IReadOnlyList<Count> Actions,
    int Automated,
    int Restrictions,
    double? MedianHoursNoticeToAction,
    int AppealsFiled,
    int AppealsDecided,
    int AppealsReversed,
    int? DataRequests)
{
    public int NoticeTotal => Notices.Sum(n => n.Number);

    /// <summary>The figures as CSV, one count per row (section, group, item, number).</summary>
    public string ToCsv()
    {
        var csv = new StringBuilder("section,group,item,number\n");
        void Row(string section, string group, string item, string number) =>
            csv.Append(CultureInfo.InvariantCulture, $"{Cell(section)},{Cell(group)},{Cell(item)},{number}\n");
        Row("period", "from", Period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "");
        Row("period", "to", Period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "");
        foreach (var (section, counts) in new[] { ("notices", Notices), ("reports", Reports), ("actions", Actions) })
        {
            foreach (var c in counts)
            {
                Row(section, c.Group, c.Item, c.Number.ToString(CultureInfo.InvariantCulture));
            }
        }

        Row("actions", "all", "restrictions", Restrictions.ToString(CultureInfo.InvariantCulture));
        Row("actions", "all", "automated", Automated.ToString(CultureInfo.InvariantCulture));
        Row("timing", "notices", "median hours from notice to action", MedianHoursNoticeToAction?.ToString("0.0", CultureInfo.InvariantCulture) ?? "");
        Row("appeals", "all", "filed", AppealsFiled.ToString(CultureInfo.InvariantCulture));
        Row("appeals", "all", "decided", AppealsDecided.ToString(CultureInfo.InvariantCulture));
        Row("appeals", "all", "reversed", AppealsReversed.ToString(CultureInfo.InvariantCulture));
        Row("data requests", "all", "requests for user data", DataRequests?.ToString(CultureInfo.InvariantCulture) ?? "");
        return csv.ToString();
    }

    /// <summary>A CSV cell, quoted when it must be and never read as a formula by a spreadsheet.</summary>
    private static string Cell(string text)
    {
        if (text.Length > 0 && "=+-@\t\r".Contains(text[0]))
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }
}

/// <summary>Counts what the site was asked to do and what it did, for <c>/transparency</c> and its JSON and CSV.</summary>
public sealed class TransparencyReport(BlogDbContext db, IOptions<LegalOptions> legal, SiteSettingsStore settings)
{
    public async Task<DateOnly> TodayAsync(TimeProvider clock, CancellationToken cancellationToken) =>
        (await settings.CurrentAsync(cancellationToken)).Time.Day(clock.GetUtcNow());

    public async Task<TransparencyFigures> FiguresAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        var time = (await settings.CurrentAsync(cancellationToken)).Time;
        var from = Start(time, period.From);
        var to = Start(time, period.To.AddDays(1));

        var notices = (await db.Complaints.AsNoTracking().Where(c => c.ReceivedAt >= from && c.ReceivedAt < to)
                .GroupBy(c => new { c.RegimeKey, c.Ground }).Select(g => new { g.Key.RegimeKey, g.Key.Ground, Number = g.Count() }).ToListAsync(cancellationToken))
            .Select(n => new Count(legal.Value.Find(n.RegimeKey)?.Name ?? n.RegimeKey, n.Ground.Describe(), n.Number))
            .OrderBy(n => n.Group, StringComparer.Ordinal).ThenBy(n => n.Item, StringComparer.Ordinal).ToList();
        var reports = (await db.CommentReports.AsNoTracking().Where(r => r.CreatedAt >= from && r.CreatedAt < to)
                .GroupBy(r => r.Reason).Select(g => new { Reason = g.Key, Number = g.Count() }).ToListAsync(cancellationToken))
            .Select(r => new Count("Reports from readers", r.Reason.Describe(), r.Number)).OrderBy(r => r.Item, StringComparer.Ordinal).ToList();
        var statements = await db.StatementsOfReasons.AsNoTracking().Where(s => s.IssuedAt >= from && s.IssuedAt < to)
            .Select(s => new { s.Kind, s.Source, s.Automated, s.Ground, s.LegalGround }).ToListAsync(cancellationToken);
        var actions = statements.GroupBy(s => s.Kind).Select(g => new Count("By restriction", g.Key.Describe(), g.Count()))
            .Concat(statements.GroupBy(s => s.Source).Select(g => new Count("By source", g.Key == RestrictionSource.Notice ? "After a notice" : "Own initiative", g.Count())))
            .Concat(statements.GroupBy(s => s.LegalGround).Select(g => new Count("By kind of ground", g.Key ? "A legal ground" : "Our discussion rules", g.Count())))
            .Concat(statements.GroupBy(s => s.Ground).Select(g => new Count("By ground", g.Key, g.Count())))
            .OrderBy(c => c.Group, StringComparer.Ordinal).ThenByDescending(c => c.Number).ThenBy(c => c.Item, StringComparer.Ordinal).ToList();

        // From a notice to the site's action on it: the removal, or else the close (kept up, restored).
        var acted = await db.Complaints.AsNoTracking().Where(c => c.RemovedAt >= from && c.RemovedAt < to || c.RemovedAt == null && c.ClosedAt >= from && c.ClosedAt < to)
            .Select(c => new { c.ReceivedAt, At = c.RemovedAt ?? c.ClosedAt }).ToListAsync(cancellationToken);
        var hours = acted.Select(a => (a.At!.Value - a.ReceivedAt).TotalHours).Order().ToList();

        var appeals = db.Appeals.AsNoTracking();
        return new TransparencyFigures(period, notices, reports, actions,
            statements.Count(s => s.Automated), statements.Count, Median(hours),
            await appeals.CountAsync(a => a.FiledAt >= from && a.FiledAt < to, cancellationToken),
            await appeals.CountAsync(a => a.DecidedAt >= from && a.DecidedAt < to, cancellationToken),
            await appeals.CountAsync(a => a.DecidedAt >= from && a.DecidedAt < to && a.Outcome == AppealOutcome.Reversed, cancellationToken),
            DataRequests: null);
    }

    private static DateTimeOffset Start(Domain.SiteTime time, DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, time.Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static double? Median(List<double> sorted) => sorted.Count == 0
        ? null
        : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}
