using Hromada.Core.Community;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Calendar;

/// <summary>
/// Counts working days in the hromada's time zone (weekends off, plus the dates moved by <see cref="CalendarOptions"/>)
/// and turns a local date and time into an instant, correctly on both sides of a daylight-saving change.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly HashSet<DateOnly> _daysOff;
    private readonly HashSet<DateOnly> _workingDays;

    public WorkingDayCalendar(IOptions<CalendarOptions> options, CommunityClock clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        Zone = clock.Zone;
        _daysOff = Dates(options.Value.DaysOff);
        _workingDays = Dates(options.Value.WorkingDays);
    }

    public TimeZoneInfo Zone { get; }

    public bool IsWorkingDay(DateOnly date) =>
        _workingDays.Contains(date) || (!_daysOff.Contains(date) && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

    /// <summary>
    /// The <paramref name="count"/>-th working day after <paramref name="date"/> (the date itself not counted); with 0, the
    /// date itself when it is a working day, else the next working day.
    /// </summary>
    public DateOnly WorkingDaysAfter(DateOnly date, int count) => Step(date, count, +1);

    /// <summary>
    /// The <paramref name="count"/>-th working day before <paramref name="date"/> (the date itself not counted); with 0, the
    /// date itself when it is a working day, else the working day before it.
    /// </summary>
    public DateOnly WorkingDaysBefore(DateOnly date, int count) => Step(date, count, -1);

    /// <summary>
    /// The instant the hromada's clocks show <paramref name="time"/> on <paramref name="date"/>. A time the clocks skip
    /// (spring forward) is moved forward by the skipped hour; a time they show twice (fall back) is the first of the two.
    /// </summary>
    public DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            var before = Zone.GetUtcOffset(local.AddHours(-3));
            var after = Zone.GetUtcOffset(local.AddHours(3));
            local = local.Add(after - before);
        }
        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>The hromada's local date at <paramref name="instant"/>.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    private DateOnly Step(DateOnly date, int count, int direction)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var day = date;
        if (count == 0)
        {
            while (!IsWorkingDay(day))
            {
                day = day.AddDays(direction);
            }
            return day;
        }
        var found = 0;
        while (found < count)
        {
            day = day.AddDays(direction);
            if (IsWorkingDay(day))
            {
                found++;
            }
        }
        return day;
    }

    private static HashSet<DateOnly> Dates(IEnumerable<string> values) =>
        values.Select(v => CalendarOptions.TryParse(v, out var d) ? d : (DateOnly?)null).OfType<DateOnly>().ToHashSet();
}
