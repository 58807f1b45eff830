using System.Globalization;
using PublicHoliday;

namespace Blog.Web.Domain.Legal;

/// <summary>Whose public holidays a regime's working days skip (weekends are always skipped on a working-day clock).</summary>
public enum HolidayCalendar
{
    None = 0,
    EnglandAndWales = 1,
    UnitedStates = 2,
}

public enum PeriodUnit
{
    Hours = 0,
    Days = 1,
    /// <summary>Hours that pass only on working days (midnight to midnight in the regime's time zone).</summary>
    WorkingHours = 2,
    /// <summary>Whole working days, landing at the same time of day.</summary>
    WorkingDays = 3,
}

/// <summary>A statutory period as configuration writes it: "48 hours", "7 days", "48 working hours", "10 working days".</summary>
public readonly record struct Period(int Amount, PeriodUnit Unit)
{
    public static Period Parse(string text)
    {
        var parts = text.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is 2 or 3 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var amount) && amount is > 0 and <= 10_000)
        {
            var unit = string.Join(' ', parts[1..]).TrimEnd('s') switch
            {
                "hour" => PeriodUnit.Hours,
                "day" => PeriodUnit.Days,
                "working hour" => PeriodUnit.WorkingHours,
                "working day" => PeriodUnit.WorkingDays,
                _ => (PeriodUnit?)null,
            };
            if (unit is { } found)
            {
                return new Period(amount, found);
            }
        }

        throw new FormatException($"“{text}” is not a period: write for example “48 hours”, “7 days”, “48 working hours” or “10 working days”.");
    }

    public override string ToString() => Unit switch
    {
        PeriodUnit.Hours => Plural("hour"),
        PeriodUnit.Days => Plural("day"),
        PeriodUnit.WorkingHours => Plural("working hour"),
        _ => Plural("working day"),
    };

    private string Plural(string unit) => $"{Amount.ToString(CultureInfo.InvariantCulture)} {unit}{(Amount == 1 ? "" : "s")}";
}

/// <summary>What happens to a comment when its author sends a counter-notice.</summary>
public enum CounterNoticeOutcome
{
    /// <summary>The comment stays up and the complainant is told (the HDCA and defamation regimes).</summary>
    KeepUp = 0,
    /// <summary>The comment (taken down on receipt) comes back after a waiting period unless the complainant reports a court action (DMCA).</summary>
    RestoreLater = 1,
}

/// <summary>Where the author's answer period starts.</summary>
public enum AnswerFrom
{
    Notice = 0,
    Receipt = 1,
}

/// <summary>
/// One statutory complaint procedure, entirely as configuration (<c>Legal:Regimes</c>): its clocks, which fields a
/// complaint needs, what happens on each answer. A new regime is a new entry there, never new code.
/// </summary>
public sealed class ComplaintRegime
{
    public string Key { get; set; } = "";

    /// <summary>How the complaint form names it.</summary>
    public string Name { get; set; } = "";

    /// <summary>The enactment, as cited in statements of reasons and the transparency report.</summary>
    public string Law { get; set; } = "";

    /// <summary>One sentence for complainants: what the procedure does.</summary>
    public string Summary { get; set; } = "";

    /// <summary>The zone a working-day clock counts days in.</summary>
    public string TimeZone { get; set; } = SiteTime.DefaultZone;

    public HolidayCalendar Holidays { get; set; }

    /// <summary>The latest time the author must be sent the complaint, from receipt. An unreachable author's comment is removed then.</summary>
    public string NotifyWithin { get; set; } = "48 hours";

    /// <summary>How long the author has to answer.</summary>
    public string AnswerWithin { get; set; } = "48 hours";

    public AnswerFrom AnswerFrom { get; set; }

    /// <summary>How long before the answer deadline the author is reminded, once.</summary>
    public string RemindBefore { get; set; } = "12 hours";

    /// <summary>Whether the comment is taken down as soon as the complaint arrives (notice and takedown).</summary>
    public bool RemoveOnReceipt { get; set; }

    public CounterNoticeOutcome OnCounterNotice { get; set; }

    /// <summary>For <see cref="CounterNoticeOutcome.RestoreLater"/>: the earliest the comment comes back after a counter-notice.</summary>
    public string RestoreAfter { get; set; } = "10 working days";

    /// <summary>For <see cref="CounterNoticeOutcome.RestoreLater"/>: the latest, as the law says it (shown to both sides).</summary>
    public string RestoreBy { get; set; } = "14 working days";

    public bool RequirePhone { get; set; } = true;

    public bool RequireAddress { get; set; } = true;

    /// <summary>What the author must declare in a counter-notice, shown beside its box.</summary>
    public string CounterNoticeDeclaration { get; set; } = "I believe the comment is lawful and I want it to stay up.";

    public RegimeClock Clock => clock ??= new RegimeClock(SiteTime.Find(TimeZone) ?? SiteTime.Find(SiteTime.DefaultZone)!, Holidays);

    private RegimeClock? clock;

    public DateTimeOffset NotifyBy(DateTimeOffset receivedAt) => Clock.Add(receivedAt, Period.Parse(NotifyWithin));

    public DateTimeOffset AnswerBy(DateTimeOffset receivedAt, DateTimeOffset notifiedAt) =>
        Clock.Add(AnswerFrom == AnswerFrom.Receipt ? receivedAt : notifiedAt, Period.Parse(AnswerWithin));

    public DateTimeOffset RemindAt(DateTimeOffset answerBy) => Clock.Subtract(answerBy, Period.Parse(RemindBefore));

    public DateTimeOffset RestoreAt(DateTimeOffset counterNoticeAt) => Clock.Add(counterNoticeAt, Period.Parse(RestoreAfter));

    /// <summary>Why this entry cannot be used, or null: checked at startup, so a typo fails the start, not a complaint.</summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(Name) || string.IsNullOrWhiteSpace(Law))
        {
            return $"Legal:Regimes:{Key} needs a Name and a Law.";
        }

        if (SiteTime.Find(TimeZone) is null)
        {
            return $"Legal:Regimes:{Key}:TimeZone “{TimeZone}” is not a time zone this machine knows.";
        }

        foreach (var period in new[] { NotifyWithin, AnswerWithin, RemindBefore, RestoreAfter, RestoreBy })
        {
            try
            {
                Period.Parse(period);
            }
            catch (FormatException e)
            {
                return $"Legal:Regimes:{Key}: {e.Message}";
            }
        }

        return null;
    }
}

/// <summary>
/// Adds statutory periods to instants: elapsed hours and days as they are, working hours and days skipping weekends
/// and the regime's public holidays as its own time zone sees them. Everything in and out is UTC.
/// </summary>
public sealed class RegimeClock(SiteTime zone, HolidayCalendar holidays)
{
    private readonly PublicHolidayBase? calendar = holidays switch
    {
        HolidayCalendar.EnglandAndWales => new UKBankHoliday(),
        HolidayCalendar.UnitedStates => new USAPublicHoliday(),
        _ => null,
    };

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && calendar?.IsPublicHoliday(day.ToDateTime(TimeOnly.MinValue)) != true;

    public DateTimeOffset Add(DateTimeOffset from, Period period) => period.Unit switch
    {
        PeriodUnit.Hours => from.AddHours(period.Amount),
        PeriodUnit.Days => from.AddDays(period.Amount),
        PeriodUnit.WorkingHours => AddWorkingHours(from, period.Amount),
        _ => AddWorkingDays(from, period.Amount),
    };

    /// <summary>The instant <paramref name="period"/> before <paramref name="to"/> (for reminders), working time counted backwards.</summary>
    public DateTimeOffset Subtract(DateTimeOffset to, Period period) => period.Unit switch
    {
        PeriodUnit.Hours => to.AddHours(-period.Amount),
        PeriodUnit.Days => to.AddDays(-period.Amount),
        // Reminders need not be exact to the working hour: an elapsed approximation, never after the deadline.
        PeriodUnit.WorkingHours => to.AddHours(-period.Amount),
        _ => to.AddDays(-period.Amount),
    };

    private DateTimeOffset AddWorkingHours(DateTimeOffset from, int hours)
    {
        var left = TimeSpan.FromHours(hours);
        var local = zone.Local(from).DateTime;
        // A start outside working time counts from the next working day's midnight.
        while (true)
        {
            var day = DateOnly.FromDateTime(local);
            if (!IsWorkingDay(day))
            {
                local = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
                continue;
            }

            var endOfDay = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
            var rest = endOfDay - local;
            if (left <= rest)
            {
                return FromLocal(local + left);
            }

            left -= rest;
            local = endOfDay;
        }
    }

    private DateTimeOffset AddWorkingDays(DateTimeOffset from, int days)
    {
        var local = zone.Local(from).DateTime;
        var day = DateOnly.FromDateTime(local);
        while (days > 0)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                days--;
            }
        }

        return FromLocal(day.ToDateTime(TimeOnly.FromDateTime(local)));
    }

    /// <summary>A wall-clock time in the regime's zone as UTC; a time the clocks skip moves on to the first that exists.</summary>
    private DateTimeOffset FromLocal(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = zone.Zone.IsAmbiguousTime(local) ? zone.Zone.GetAmbiguousTimeOffsets(local).Max() : zone.Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
