using Hromada.Core.Announcements;

namespace Hromada.Admin.Announcements;

/// <summary>The order announcements are listed in, by the API and the communications office's page alike.</summary>
internal static class AnnouncementOrder
{
    /// <summary>
    /// Scheduled first, the soonest first; then the rest, the latest first; of two at the same time the newer first.
    /// In memory: a hromada has hundreds of announcements, not millions, and SQLite cannot order by a time with an offset.
    /// </summary>
    public static IEnumerable<T> InListOrder<T>(this IEnumerable<T> items, Func<T, (long Id, AnnouncementStatus Status, DateTimeOffset SendAt)> key) =>
        items.Select(item => (Item: item, Key: key(item)))
            .OrderBy(x => x.Key.Status == AnnouncementStatus.Scheduled ? 0 : 1)
            .ThenBy(x => x.Key.Status == AnnouncementStatus.Scheduled ? x.Key.SendAt.UtcTicks : -x.Key.SendAt.UtcTicks)
            .ThenByDescending(x => x.Key.Id)
            .Select(x => x.Item);
}
