using Blog.Web.Domain;

namespace Blog.Web.Tests.Domain;

/// <summary>The site's zone: UTC in the database, the newsroom's wall clock on every page and form.</summary>
public sealed class SiteTimeTests
{
    private static readonly SiteTime Auckland = SiteTime.Find("Pacific/Auckland")!;

    [Theory]
    // Summer (NZDT, UTC+13) and winter (NZST, UTC+12).
    [InlineData("2026-12-03T14:30", "2026-12-03T01:30:00Z")]
    [InlineData("2026-07-01T12:00", "2026-07-01T00:00:00Z")]
    // Early morning in Auckland is the day before in UTC.
    [InlineData("2026-11-28T08:15", "2026-11-27T19:15:00Z")]
    public void ATypedTime_IsTheRightUtcInstant_AndShowsAsTyped(string typed, string utc)
    {
        var read = Auckland.FromInput(DateTime.Parse(typed, System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(read.Valid);
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), read.Utc);
        Assert.Equal(typed, Auckland.ForInput(read.Utc));
    }

    [Fact]
    public void ATimeTheClocksSkip_IsRefused_NamingTheChange()
    {
        // New Zealand's clocks go forward from 02:00 to 03:00 on the last Sunday of September.
        var read = Auckland.FromInput(new DateTime(2027, 9, 26, 2, 30, 0));

        Assert.False(read.Valid);
        Assert.Null(read.Utc);
        Assert.Equal("26 September 2027, 02:30 does not exist in Pacific/Auckland: that night the clocks go forward from 02:00 to 03:00. "
            + "Choose a time before or after the change.", read.Error);
        Assert.True(Auckland.FromInput(new DateTime(2027, 9, 26, 3, 0, 0)).Valid);
        Assert.True(Auckland.FromInput(new DateTime(2027, 9, 26, 1, 59, 0)).Valid);
    }

    [Fact]
    public void ATimeTheClocksPassTwice_IsTheFirstOfTheTwo()
    {
        // On the first Sunday of April the clocks go back from 03:00 to 02:00: 02:30 happens at 13:30 and at 14:30 UTC.
        var read = Auckland.FromInput(new DateTime(2027, 4, 4, 2, 30, 0));

        Assert.Equal(new DateTimeOffset(2027, 4, 3, 13, 30, 0, TimeSpan.Zero), read.Utc);
    }

    [Fact]
    public void ShownTimes_AreTheNewsroomsClock_WithTheZoneNamed()
    {
        var at = new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal("28 Nov 2026, 01:00 NZDT", Auckland.Text(at));
        Assert.Equal("28 November 2026", Auckland.Date(at));
        Assert.Equal(new DateOnly(2026, 11, 28), Auckland.Day(at));
        Assert.Equal("1 July 2026, 12:00 NZST", Auckland.LongText(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal("27 Nov 2026, 12:00 UTC", SiteTime.Utc.Text(at));
        Assert.Equal("BST", SiteTime.Find("Europe/London")!.Abbreviation(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal("GMT", SiteTime.Find("Europe/London")!.Abbreviation(at));
    }

    [Theory]
    [InlineData("Pacific/Auckland", true)]
    [InlineData("Europe/London", true)]
    [InlineData("Mars/Olympus_Mons", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void OnlyIanaZonesTheMachineKnows_AreZones(string? name, bool found) =>
        Assert.Equal(found, SiteTime.Find(name) is not null);

    [Fact]
    public void TheZoneList_IsIanaNames() =>
        Assert.Contains("Pacific/Auckland", SiteTime.ZoneNames);
}
