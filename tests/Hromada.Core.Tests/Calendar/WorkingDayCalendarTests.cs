using Hromada.Core.Calendar;
using Hromada.Core.Community;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Hromada.Core.Tests.Calendar;

public sealed class WorkingDayCalendarTests
{
    private static WorkingDayCalendar Kyiv(string[]? daysOff = null, string[]? workingDays = null) => new(
        Options.Create(new CalendarOptions { DaysOff = [.. daysOff ?? []], WorkingDays = [.. workingDays ?? []] }),
        new CommunityClock(new FakeTimeProvider(), Options.Create(new CommunityOptions { TimeZone = "Europe/Kyiv" })));

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-11-27", 1, "2026-11-30")] // Friday → Monday
    [InlineData("2026-11-27", 3, "2026-12-02")] // Friday → Wednesday
    [InlineData("2026-11-28", 0, "2026-11-30")] // Saturday, 0 days → the next working day
    [InlineData("2026-11-25", 0, "2026-11-25")] // a working day, 0 days → itself
    [InlineData("2026-11-23", 5, "2026-11-30")] // a whole week
    public void WorkingDaysAfter_SkipsTheWeekend(string from, int days, string expected) =>
        Assert.Equal(D(expected), Kyiv().WorkingDaysAfter(D(from), days));

    [Theory]
    [InlineData("2026-11-30", 1, "2026-11-27")] // Monday → Friday
    [InlineData("2026-12-03", 3, "2026-11-30")] // Thursday → Monday
    [InlineData("2026-11-29", 0, "2026-11-27")] // Sunday, 0 days → the working day before
    public void WorkingDaysBefore_CountsBackOverTheWeekend(string from, int days, string expected) =>
        Assert.Equal(D(expected), Kyiv().WorkingDaysBefore(D(from), days));

    [Fact]
    public void WorkingDaysAfter_SkipsADayOffListedInConfiguration()
    {
        var calendar = Kyiv(daysOff: ["2026-12-01"]);

        Assert.False(calendar.IsWorkingDay(D("2026-12-01")));
        Assert.Equal(D("2026-12-03"), calendar.WorkingDaysAfter(D("2026-11-27"), 3)); // Mon 30, (Tue 1 off), Wed 2, Thu 3
    }

    [Fact]
    public void WorkingDaysAfter_CountsASaturdayListedAsAWorkingDay()
    {
        var calendar = Kyiv(workingDays: ["2026-11-28"]);

        Assert.True(calendar.IsWorkingDay(D("2026-11-28")));
        Assert.Equal(D("2026-11-28"), calendar.WorkingDaysAfter(D("2026-11-27"), 1));
    }

    [Fact]
    public void At_TenInTheMorning_InWinterAndInSummer_IsTenOnTheLocalClock()
    {
        var calendar = Kyiv();

        Assert.Equal(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero), calendar.At(D("2026-12-02"), new TimeOnly(10, 0)));
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 7, 0, 0, TimeSpan.Zero), calendar.At(D("2026-07-01"), new TimeOnly(10, 0)));
    }

    [Fact]
    public void Rule_AcrossTheAutumnClockChange_LandsOnTheSameLocalTime()
    {
        var calendar = Kyiv();

        // Friday 23 October 2026 is summer time (UTC+3); the clocks go back on Sunday 25th; Wednesday 28th is UTC+2.
        var day = calendar.WorkingDaysAfter(D("2026-10-23"), 3);
        var at = calendar.At(day, new TimeOnly(10, 0));

        Assert.Equal(D("2026-10-28"), day);
        Assert.Equal(new DateTimeOffset(2026, 10, 28, 10, 0, 0, TimeSpan.FromHours(2)), at);
        Assert.Equal(new DateTimeOffset(2026, 10, 28, 8, 0, 0, TimeSpan.Zero), at);
    }

    [Fact]
    public void Rule_AcrossTheSpringClockChange_LandsOnTheSameLocalTime()
    {
        var calendar = Kyiv();

        // Friday 27 March 2026 is winter time (UTC+2); the clocks go forward on Sunday 29th; Wednesday 1 April is UTC+3.
        var at = calendar.At(calendar.WorkingDaysAfter(D("2026-03-27"), 3), new TimeOnly(10, 0));

        Assert.Equal(new DateTimeOffset(2026, 4, 1, 10, 0, 0, TimeSpan.FromHours(3)), at);
    }

    [Fact]
    public void At_ATimeTheClocksSkip_MovesForwardByTheSkippedHour()
    {
        // 29 March 2026: 03:00 becomes 04:00, so 03:30 never shows on a clock in Kyiv.
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 4, 30, 0, TimeSpan.FromHours(3)), Kyiv().At(D("2026-03-29"), new TimeOnly(3, 30)));
    }

    [Fact]
    public void At_ATimeTheClocksShowTwice_IsTheFirstOfTheTwo()
    {
        // 25 October 2026: 04:00 becomes 03:00, so 03:30 shows twice; the first is still summer time.
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 3, 30, 0, TimeSpan.FromHours(3)), Kyiv().At(D("2026-10-25"), new TimeOnly(3, 30)));
    }

    [Fact]
    public void Options_WithAMalformedDate_NameTheSetting()
    {
        var result = new CalendarOptionsValidator().Validate(null, new CalendarOptions { DaysOff = ["2026-12-01", "1.12.2026"] });

        Assert.True(result.Failed);
        Assert.Contains("Hromada:Calendar:DaysOff:1: '1.12.2026' is not a date", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_WithADateInBothLists_SayWhichDate()
    {
        var result = new CalendarOptionsValidator().Validate(null, new CalendarOptions { DaysOff = ["2026-12-05"], WorkingDays = ["2026-12-05"] });

        Assert.True(result.Failed);
        Assert.Contains("2026-12-05 is listed both in DaysOff and in WorkingDays", result.FailureMessage, StringComparison.Ordinal);
    }
}
