using Hromada.Core.Calendar;
using Hromada.Core.Community;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Reviews;

/// <summary>The due date a routing form offers: <see cref="ReviewOptions.DueWorkingDays"/> working days from today.</summary>
public sealed class ReviewDueDates(WorkingDayCalendar calendar, CommunityClock clock, IOptions<ReviewOptions> options)
{
    public DateOnly Default => calendar.WorkingDaysAfter(clock.Today, options.Value.DueWorkingDays);
}
