using System.Globalization;

namespace Hromada.Core.Announcements;

/// <summary>Announcements (section <c>Hromada:Announcements</c>): where they can go, and the automatic notices.</summary>
public sealed class AnnouncementOptions
{
    public const string Section = "Hromada:Announcements";

    /// <summary>The hromada's Telegram channel, <c>@name</c> or its numeric id (-100…); the bot must be an admin of it. Empty: no channel.</summary>
    public string TelegramChannel { get; set; } = "";

    /// <summary>Post to the Facebook Page's feed (needs the Messenger channel with <c>Hromada:Messenger:PageId</c>).</summary>
    public bool FacebookPageFeed { get; set; }

    /// <summary>
    /// Post the announcement's picture card (the one Instagram gets) with the Facebook Page post and the Telegram
    /// channel post, the text as its caption. The card is fetched by Facebook and Telegram from its public address under
    /// <c>Hromada:Community:PublicBaseUrl</c>, so the service must be reachable there. Off: text posts.
    /// </summary>
    public bool CardWithPosts { get; set; }

    /// <summary>Local time (HH:mm) of a working-day rule that does not give one.</summary>
    public string DefaultTime { get; set; } = "10:00";

    /// <summary>Subscribers written to the outbox per transaction; a broadcast that stops resumes after the last batch.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>How often schedules are checked against the database and the automatic notices planned.</summary>
    public TimeSpan HousekeepingInterval { get; set; } = TimeSpan.FromMinutes(5);

    public FeedOptions Feed { get; set; } = new();

    public NoticesOptions Notices { get; set; } = new();

    internal TimeOnly DefaultTimeOfDay => ParseTime(DefaultTime) ?? new TimeOnly(10, 0);

    internal static TimeOnly? ParseTime(string? value) =>
        TimeOnly.TryParseExact(value?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;
}

/// <summary>The public Atom feed at <c>/feed.xml</c>.</summary>
public sealed class FeedOptions
{
    /// <summary>The feed's title; empty: the hromada's name.</summary>
    public string Title { get; set; } = "";

    /// <summary>How many of the latest announcements the feed lists.</summary>
    public int MaxEntries { get; set; } = 50;
}

/// <summary>The automatic notices of a consultation's life, each switchable and with an editable template.</summary>
public sealed class NoticesOptions
{
    /// <summary>When collection opens (at the opening time).</summary>
    public NoticeOptions ConsultationOpened { get; set; } = new();

    /// <summary><see cref="NoticeOptions.WorkingDays"/> working days before the deadline, at <see cref="NoticeOptions.At"/>.</summary>
    public NoticeOptions DeadlineReminder { get; set; } = new() { WorkingDays = 3 };

    /// <summary>As soon as the working group extends the deadline, with the new date and the reason.</summary>
    public NoticeOptions DeadlineExtended { get; set; } = new();

    /// <summary>When collection ends (at the deadline, or when the working group closes it earlier), with the number received.</summary>
    public NoticeOptions ConsultationClosed { get; set; } = new();

    /// <summary><see cref="NoticeOptions.WorkingDays"/> working days after the first new decision, at <see cref="NoticeOptions.At"/>.</summary>
    public NoticeOptions DecisionsPublished { get; set; } = new() { WorkingDays = 1 };

    public NoticeOptions For(AnnouncementKind kind) => kind switch
    {
        AnnouncementKind.ConsultationOpened => ConsultationOpened,
        AnnouncementKind.DeadlineReminder => DeadlineReminder,
        AnnouncementKind.DeadlineExtended => DeadlineExtended,
        AnnouncementKind.ConsultationClosed => ConsultationClosed,
        AnnouncementKind.DecisionsPublished => DecisionsPublished,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A manual announcement has no notice settings."),
    };
}

/// <summary>One automatic notice.</summary>
public sealed class NoticeOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Where it goes; targets whose channel is off are left out when it is sent.</summary>
    public List<string> Targets { get; set; } = [];

    /// <summary>
    /// The text, with placeholders {title}, {hromada}, {opens}, {deadline}, {previousDeadline}, {reason}, {received},
    /// {decided}, {results} (the address of the consultation's public results page), {channels} (where residents can
    /// write: the chats that are on); empty: the built-in text in the hromada's default language.
    /// </summary>
    public string Template { get; set; } = "";

    /// <summary>For the reminder: working days before the deadline; for decisions published: working days after the first decision.</summary>
    public int WorkingDays { get; set; }

    /// <summary>Local time (HH:mm) for the reminder and decisions published.</summary>
    public string At { get; set; } = "10:00";
}
