using Hromada.Core.Community;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Calendar;

/// <summary>
/// Counts working days in the hromada's time zone (weekends off, plus the dates moved by <see cref="CalendarOptions"/>)
/// and turns a local date and time into an instant through the <see cref="CommunityClock"/>.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly HashSet<DateOnly> _daysOff;
    private readonly HashSet<DateOnly> _workingDays;
    private readonly CommunityClock _clock;

    public WorkingDayCalendar(IOptions<CalendarOptions> options, CommunityClock clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        _clock = clock;
        _daysOff = Dates(options.Value.DaysOff);
        _workingDays = Dates(options.Value.WorkingDays);
    }

    /// <summary>The hromada's local time this calendar counts in.</summary>
    public CommunityClock Clock => _clock;

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

    /// <summary>The instant the hromada's clocks show <paramref name="time"/> on <paramref name="date"/> (see <see cref="CommunityClock.FromLocal(DateTime)"/>).</summary>
    public DateTimeOffset At(DateOnly date, TimeOnly time) => _clock.FromLocal(date, time);

    /// <summary>The hromada's local date at <paramref name="instant"/>.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => _clock.LocalDate(instant);

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
