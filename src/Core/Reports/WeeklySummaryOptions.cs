using Microsoft.Extensions.Options;

namespace Hromada.Core.Reports;

/// <summary>
/// The weekly analytical summary sent to the working group (section <c>Hromada:WeeklySummary</c>): on <see cref="Day"/>
/// at <see cref="Time"/> (the hromada's local time), or on the next working day when that day is off
/// (<c>Hromada:Calendar</c>). It covers the seven days before the nominal day and compares them with the seven before.
/// </summary>
public sealed class WeeklySummaryOptions
{
    public const string Section = "Hromada:WeeklySummary";

    /// <summary>Off: no summary is written or sent (the period summary stays available on request).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The nominal day of the week.</summary>
    public DayOfWeek Day { get; set; } = DayOfWeek.Monday;

    /// <summary>Local time from which it goes out on its day.</summary>
    public TimeOnly Time { get; set; } = new(9, 0);
}

internal sealed class WeeklySummaryOptionsValidator : IValidateOptions<WeeklySummaryOptions>
{
    public ValidateOptionsResult Validate(string? name, WeeklySummaryOptions options) =>
        Enum.IsDefined(options.Day)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{WeeklySummaryOptions.Section}:Day must be a day of the week (Monday … Sunday), not '{(int)options.Day}'.");
}
