using Hromada.Core.Community;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Hromada.Core.Tests.Community;

/// <summary>The one local-time service: Kyiv's clocks on both sides of both daylight-saving changes, and the formats people read.</summary>
public sealed class CommunityClockTests
{
    private static readonly TimeSpan Winter = TimeSpan.FromHours(2);
    private static readonly TimeSpan Summer = TimeSpan.FromHours(3);

    private static CommunityClock Kyiv(DateTimeOffset? now = null) =>
        new(new FakeTimeProvider(now ?? DateTimeOffset.UnixEpoch), Options.Create(new CommunityOptions { TimeZone = "Europe/Kyiv" }));

    [Theory]
    // Spring, 29 March 2026: at 03:00 the clocks go to 04:00.
    [InlineData("2026-03-29T00:59:00Z", "29.03.2026 02:59", "2026-03-29 02:59")]
    [InlineData("2026-03-29T01:00:00Z", "29.03.2026 04:00", "2026-03-29 04:00")]
    // Autumn, 25 October 2026: at 04:00 the clocks go back to 03:00, so 03:30 shows twice.
    [InlineData("2026-10-25T00:30:00Z", "25.10.2026 03:30", "2026-10-25 03:30")]
    [InlineData("2026-10-25T01:30:00Z", "25.10.2026 03:30", "2026-10-25 03:30")]
    [InlineData("2026-10-25T02:00:00Z", "25.10.2026 04:00", "2026-10-25 04:00")]
    // A day before midnight UTC is already the next day in Kyiv.
    [InlineData("2026-12-31T22:30:00Z", "01.01.2027 00:30", "2027-01-01 00:30")]
    public void AnInstant_IsWrittenInKyivTime_OnThePagesAndInTheExports(string utc, string page, string export)
    {
        var clock = Kyiv();
        var instant = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(page, clock.Text(instant));
        Assert.Equal(export, clock.SortableText(instant));
    }

    [Fact]
    public void LocalTimes_AcrossTheSpringChange_ComeBackAsTheSameInstants()
    {
        var clock = Kyiv();

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 2, 59, 0, Winter), clock.FromLocal(new DateTime(2026, 3, 29, 2, 59, 0)));
        // 03:30 never shows on a clock in Kyiv that night: moved forward by the skipped hour.
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 4, 30, 0, Summer), clock.FromLocal(new DateTime(2026, 3, 29, 3, 30, 0)));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 4, 0, 0, Summer), clock.FromLocal(new DateOnly(2026, 3, 29), new TimeOnly(4, 0)));
        Assert.Equal(TimeSpan.Zero, clock.FromLocal(new DateTime(2026, 3, 29, 12, 0, 0)).Offset);
    }

    [Fact]
    public void LocalTimes_AcrossTheAutumnChange_ComeBackAsTheSameInstants()
    {
        var clock = Kyiv();

        // 03:30 shows twice: the first of the two (still summer time).
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 3, 30, 0, Summer), clock.FromLocal(new DateTime(2026, 10, 25, 3, 30, 0)));
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 4, 0, 0, Winter), clock.FromLocal(new DateTime(2026, 10, 25, 4, 0, 0)));
        Assert.Equal(new DateTimeOffset(2026, 10, 24, 21, 0, 0, TimeSpan.Zero), clock.StartOfDay(new DateOnly(2026, 10, 25)));
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 22, 0, 0, TimeSpan.Zero), clock.StartOfDay(new DateOnly(2026, 10, 26)));
    }

    [Fact]
    public void Today_IsKyivsDate_NotUtcs()
    {
        var clock = Kyiv(new DateTimeOffset(2026, 6, 30, 21, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 7, 1), clock.Today);
        Assert.Equal(new DateOnly(2026, 6, 30), clock.LocalDate(new DateTimeOffset(2026, 6, 30, 20, 59, 0, TimeSpan.Zero)));
        Assert.Equal("01.07.2026", CommunityClock.DateText(clock.Today));
    }
}
