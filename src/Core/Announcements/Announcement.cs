namespace Hromada.Core.Announcements;

/// <summary>Where an announcement is published.</summary>
public enum AnnouncementTarget
{
    /// <summary>A post in the hromada's Telegram channel (the bot is an admin of it).</summary>
    TelegramChannel,

    /// <summary>Every subscribed Telegram resident who has not blocked the bot.</summary>
    TelegramSubscribers,

    /// <summary>Subscribed Messenger residents: pushed inside Meta's 24-hour window, otherwise given with their next reply.</summary>
    MessengerSubscribers,

    /// <summary>Subscribed web chat residents, on their next visit.</summary>
    WebChatSubscribers,

    /// <summary>A post on the Facebook Page's feed.</summary>
    FacebookPage,

    /// <summary>The public Atom feed at <c>/feed.xml</c>.</summary>
    Feed,

    /// <summary>Every subscribed Viber resident who has not unsubscribed (sent with broadcast_message).</summary>
    ViberSubscribers,

    /// <summary>A post on the hromada's Instagram account: the announcement's picture card with the text as its caption.</summary>
    Instagram,

    /// <summary>
    /// An e-mail to every author of the announcement's <see cref="Announcement.AuthorCategoryId"/> who gave an address
    /// (each address once, anonymised authors left out): a letter to a group, sent by the working group from the letters page.
    /// </summary>
    AuthorEmails,
}

/// <summary>Where an announcement stands.</summary>
public enum AnnouncementStatus
{
    /// <summary>Waiting for its send time; may be edited or cancelled.</summary>
    Scheduled,

    /// <summary>Its time came and it is being written to the recipients' outbox; no longer editable.</summary>
    Sending,

    /// <summary>Every recipient has its delivery row; the delivery report shows what the platforms did with them.</summary>
    Sent,

    /// <summary>Cancelled before its time; nothing was sent.</summary>
    Cancelled,
}

/// <summary>Who wrote an announcement: a person, or the consultation's life (each kind switchable in configuration).</summary>
public enum AnnouncementKind
{
    Manual,
    ConsultationOpened,
    DeadlineReminder,
    DeadlineExtended,
    ConsultationClosed,
    DecisionsPublished,
}

/// <summary>Which way a working-day rule counts from its date.</summary>
public enum RuleDirection
{
    After,
    Before,
}

/// <summary>
/// Оголошення: a text published to chosen targets at a moment or by a working-day rule. Each recipient gets one outbox
/// row (<see cref="Outbox.OutboxMessage.AnnouncementId"/>), which is its delivery row.
/// </summary>
public sealed class Announcement
{
    public long Id { get; set; }

    /// <summary>Stable public identity (the Atom entry id).</summary>
    public Guid PublicId { get; set; }

    public AnnouncementKind Kind { get; set; }

    /// <summary>The consultation an automatic notice is about.</summary>
    public int? ConsultationId { get; set; }

    /// <summary>Tells automatic notices of one kind apart (an extension's id, the deadline a reminder is for).</summary>
    public string? NoticeKey { get; set; }

    public string? Title { get; set; }

    /// <summary>The text as written; an automatic notice's placeholders ({deadline}, {received} …) are filled when it is sent.</summary>
    public string Text { get; set; } = "";

    /// <summary>The text exactly as it went out (placeholders filled), set when sending starts.</summary>
    public string? SentText { get; set; }

    /// <summary>When it goes out: the moment given, or the one its rule resolved to.</summary>
    public DateTimeOffset SendAt { get; set; }

    public int? RuleWorkingDays { get; set; }
    public RuleDirection? RuleDirection { get; set; }
    public DateOnly? RuleDate { get; set; }
    public TimeOnly? RuleTime { get; set; }

    public AnnouncementStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";

    /// <summary>Last edited by a person; an automatic notice a person edited keeps its time when the consultation changes.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public string? CancelledBy { get; set; }

    /// <summary>For <see cref="AnnouncementTarget.AuthorEmails"/>: the author category whose authors get the e-mail.</summary>
    public int? AuthorCategoryId { get; set; }

    /// <summary>
    /// Subscribers of this settlement only (the settlement a resident said they live in): the subscriber targets leave out
    /// everyone else; null = every subscriber.
    /// </summary>
    public int? SettlementId { get; set; }

    public int Version { get; set; }

    public List<AnnouncementTargetProgress> Targets { get; set; } = [];

    public WorkingDayRule? Rule => RuleWorkingDays is { } n && RuleDirection is { } d && RuleDate is { } date && RuleTime is { } at
        ? new WorkingDayRule(n, d, date, at)
        : null;
}

/// <summary>
/// One target of an announcement and how far writing its recipients' outbox rows has got: subscribers are written in
/// batches ordered by resident id, each batch committed with <see cref="Cursor"/>, so a broadcast that dies half-way
/// resumes after the last committed resident.
/// </summary>
public sealed class AnnouncementTargetProgress
{
    public long Id { get; set; }
    public long AnnouncementId { get; set; }
    public AnnouncementTarget Target { get; set; }

    /// <summary>The channel or Page a public post went to.</summary>
    public string? Recipient { get; set; }

    /// <summary>The last resident id written; the next batch starts after it.</summary>
    public int Cursor { get; set; }

    /// <summary>Outbox rows written for this target.</summary>
    public int Enqueued { get; set; }

    /// <summary>When every recipient of this target had its row (or the feed entry was published).</summary>
    public DateTimeOffset? EnqueuedAt { get; set; }

    /// <summary>Why nothing was sent to this target (its channel is off, the text is over its limit).</summary>
    public string? SkippedReason { get; set; }

    /// <summary><see cref="SkippedReason"/> in Ukrainian, for the working group's pages (null on rows written before it was kept).</summary>
    public string? SkippedReasonUkrainian { get; set; }

    public int Version { get; set; }
}

/// <summary>"N working days after (or before) a date, at a local time".</summary>
public sealed record WorkingDayRule(int WorkingDays, RuleDirection Direction, DateOnly Date, TimeOnly At);
