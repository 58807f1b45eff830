using Blog.Web.Domain;
using Blog.Web.Domain.Legal;

namespace Blog.Web.Tests.Domain.Legal;

/// <summary>Statutory clocks: elapsed time, and working time that skips weekends and the regime's own public holidays.</summary>
public sealed class RegimeClockTests
{
    private static readonly SiteTime London = SiteTime.Find("Europe/London")!;
    private static readonly SiteTime NewYork = SiteTime.Find("America/New_York")!;

    [Theory]
    [InlineData("48 hours", 48, PeriodUnit.Hours)]
    [InlineData("7 days", 7, PeriodUnit.Days)]
    [InlineData("1 day", 1, PeriodUnit.Days)]
    [InlineData("48 working hours", 48, PeriodUnit.WorkingHours)]
    [InlineData(" 10 Working Days ", 10, PeriodUnit.WorkingDays)]
    public void APeriod_ReadsAsConfigurationWritesIt(string text, int amount, PeriodUnit unit) =>
        Assert.Equal(new Period(amount, unit), Period.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("48")]
    [InlineData("forty-eight hours")]
    [InlineData("-2 days")]
    [InlineData("3 fortnights")]
    public void ANonsensePeriod_IsRefused(string text) => Assert.Throws<FormatException>(() => Period.Parse(text));

    [Fact]
    public void UkWorkingHours_SkipTheChristmasWeekendAndBothSubstituteBankHolidays()
    {
        // Friday 24 December 2027, 10:00 in London. Christmas and Boxing Day fall on the weekend, so the bank holidays
        // are Monday 27 and Tuesday 28: 14 hours on Friday, 24 on Wednesday 29, and the last 10 on Thursday 30.
        var clock = new RegimeClock(London, HolidayCalendar.EnglandAndWales);
        var received = new DateTimeOffset(2027, 12, 24, 10, 0, 0, TimeSpan.Zero);
        Assert.False(clock.IsWorkingDay(new DateOnly(2027, 12, 27)));
        Assert.False(clock.IsWorkingDay(new DateOnly(2027, 12, 28)));
        Assert.True(clock.IsWorkingDay(new DateOnly(2027, 12, 29)));
        Assert.Equal(new DateTimeOffset(2027, 12, 30, 10, 0, 0, TimeSpan.Zero), clock.Add(received, Period.Parse("48 working hours")));

        // The same 48 hours on an elapsed clock end on Christmas Day.
        Assert.Equal(new DateTimeOffset(2027, 12, 26, 10, 0, 0, TimeSpan.Zero), clock.Add(received, Period.Parse("48 hours")));
    }

    [Fact]
    public void WorkingHours_StartedOnAWeekend_CountFromMondayMorning()
    {
        var clock = new RegimeClock(London, HolidayCalendar.EnglandAndWales);
        // Saturday 5 June 2027, 15:00 BST: nothing counts until Monday 7 June 00:00; 48 hours end on Wednesday at midnight.
        var received = new DateTimeOffset(2027, 6, 5, 14, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2027, 6, 8, 23, 0, 0, TimeSpan.Zero), clock.Add(received, Period.Parse("48 working hours")));
    }

    [Fact]
    public void DmcaBusinessDays_SkipThanksgivingAndWeekends_AtTheSameTimeOfDay()
    {
        // A counter-notice on Wednesday 25 November 2026 at noon in New York (17:00 UTC). Thanksgiving is Thursday 26;
        // ten business days later is Thursday 10 December, and fourteen is Wednesday 16 December.
        var clock = new RegimeClock(NewYork, HolidayCalendar.UnitedStates);
        var at = new DateTimeOffset(2026, 11, 25, 17, 0, 0, TimeSpan.Zero);
        Assert.False(clock.IsWorkingDay(new DateOnly(2026, 11, 26)));
        Assert.Equal(new DateTimeOffset(2026, 12, 10, 17, 0, 0, TimeSpan.Zero), clock.Add(at, Period.Parse("10 working days")));
        Assert.Equal(new DateTimeOffset(2026, 12, 16, 17, 0, 0, TimeSpan.Zero), clock.Add(at, Period.Parse("14 working days")));
    }

    [Fact]
    public void ARegime_CountsTheAnswerFromNoticeOrFromReceipt_AsConfigured()
    {
        var received = new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
        var notified = received.AddHours(30);
        var hdca = new ComplaintRegime { Key = "nz", Name = "NZ", Law = "HDCA", AnswerWithin = "48 hours", AnswerFrom = AnswerFrom.Notice };
        var nsw = new ComplaintRegime { Key = "nsw", Name = "NSW", Law = "s 31A", AnswerWithin = "7 days", AnswerFrom = AnswerFrom.Receipt };
        Assert.Equal(notified.AddHours(48), hdca.AnswerBy(received, notified));
        Assert.Equal(received.AddDays(7), nsw.AnswerBy(received, notified));
        Assert.Null(hdca.Problem());
        Assert.NotNull(new ComplaintRegime { Key = "bad", Name = "Bad", Law = "x", NotifyWithin = "soon" }.Problem());
    }
}
