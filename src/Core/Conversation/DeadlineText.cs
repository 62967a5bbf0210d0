using Hromada.Core.Community;

namespace Hromada.Core.Conversation;

/// <summary>
/// A deadline as residents read it. A deadline is a moment, so it is said with its local time ("до 18:00
/// 24.12.2026"); only a deadline at local midnight is said as the end of the day before, which is what it means.
/// </summary>
internal static class DeadlineText
{
    public static string Until(ConversationContext ctx, CommunityClock clock, DateTimeOffset deadline)
    {
        var local = clock.ToLocal(deadline);
        if (local.TimeOfDay == TimeSpan.Zero)
        {
            return ctx.T("Deadline_EndOfDay", CommunityClock.DateText(local.AddDays(-1)));
        }
        if (local.TimeOfDay >= new TimeSpan(23, 59, 0))
        {
            return ctx.T("Deadline_EndOfDay", CommunityClock.DateText(local));
        }
        return ctx.T("Deadline_AtTime", CommunityClock.DateText(local), local.ToString("HH:mm", ctx.Culture));
    }
}
