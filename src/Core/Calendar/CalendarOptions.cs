using System.Globalization;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Calendar;

/// <summary>
/// The hromada's working-day calendar (section <c>Hromada:Calendar</c>): Monday to Friday are working days, Saturday and
/// Sunday are not, and these lists move single dates either way. The time zone is <c>Hromada:Community:TimeZone</c>.
/// </summary>
public sealed class CalendarOptions
{
    public const string Section = "Hromada:Calendar";
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>Weekdays that are days off (public holidays when they apply, days off declared by the council), as yyyy-MM-dd.</summary>
    public List<string> DaysOff { get; set; } = [];

    /// <summary>Saturdays or Sundays that are working days (a working day moved by a decree), as yyyy-MM-dd.</summary>
    public List<string> WorkingDays { get; set; } = [];

    internal static bool TryParse(string? value, out DateOnly date) =>
        DateOnly.TryParseExact(value?.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}

internal sealed class CalendarOptionsValidator : IValidateOptions<CalendarOptions>
{
    public ValidateOptionsResult Validate(string? name, CalendarOptions options)
    {
        var failures = new List<string>();
        var daysOff = Parse(options.DaysOff, nameof(CalendarOptions.DaysOff), failures);
        var workingDays = Parse(options.WorkingDays, nameof(CalendarOptions.WorkingDays), failures);
        foreach (var both in daysOff.Intersect(workingDays).Order())
        {
            failures.Add($"{CalendarOptions.Section}: {both:yyyy-MM-dd} is listed both in DaysOff and in WorkingDays.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static HashSet<DateOnly> Parse(List<string> values, string setting, List<string> failures)
    {
        var dates = new HashSet<DateOnly>();
        for (var i = 0; i < values.Count; i++)
        {
            if (CalendarOptions.TryParse(values[i], out var date))
            {
                dates.Add(date);
            }
            else
            {
                failures.Add($"{CalendarOptions.Section}:{setting}:{i}: '{values[i]}' is not a date written as {CalendarOptions.DateFormat}.");
            }
        }
        return dates;
    }
}
