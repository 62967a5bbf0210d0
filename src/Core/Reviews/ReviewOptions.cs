using System.ComponentModel.DataAnnotations;

namespace Hromada.Core.Reviews;

/// <summary>Review by the sectoral subgroups and executive bodies (section <c>Hromada:Review</c>).</summary>
public sealed class ReviewOptions
{
    public const string Section = "Hromada:Review";

    /// <summary>The due date the routing forms offer: this many working days after today.</summary>
    [Range(1, 120, ErrorMessage = "Hromada:Review:DueWorkingDays must be between 1 and 120.")]
    public int DueWorkingDays { get; set; } = 10;

    /// <summary>A body is reminded of positions still missing this many working days before their due date (0: on the day).</summary>
    [Range(0, 30, ErrorMessage = "Hromada:Review:ReminderWorkingDays must be between 0 and 30.")]
    public int ReminderWorkingDays { get; set; } = 2;

    /// <summary>Local time from which the day's reminders and overdue notices go out.</summary>
    public TimeOnly NoticeTime { get; set; } = new(9, 0);

    /// <summary>How often routes are checked for notices, reminders and passed due dates.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "Hromada:Review:CheckInterval must be between 00:01:00 and 1.00:00:00.")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(15);
}
