using System.Text.Json.Serialization;
using Hromada.Core.Announcements;
using Hromada.Core.Community;
using Hromada.Core.Outbox;
using Hromada.Core.Proposals;

namespace Hromada.Admin.Announcements;

/// <summary>
/// An announcement as the communications office sees it; times carry the hromada's local offset. An automatic notice's
/// <c>Text</c> keeps its placeholders and <c>Preview</c> shows it filled in with the consultation as it is now. A letter to
/// a group is an announcement too: <c>AuthorCategoryId</c> for its e-mail to authors, <c>SettlementId</c> when its
/// subscriber targets reached one settlement's subscribers only.
/// </summary>
public sealed record AnnouncementDto(
    long Id, AnnouncementKind Kind, int? ConsultationId, string? Title, string Text, string? Preview, IReadOnlyList<AnnouncementTarget> Targets,
    DateTimeOffset SendAt, RuleDto? Rule, AnnouncementStatus Status, DateTimeOffset CreatedAt, string CreatedBy,
    DateTimeOffset? UpdatedAt, string? UpdatedBy, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt,
    DateTimeOffset? CancelledAt, string? CancelledBy, int Version, DeliveryCountsDto? Delivery, int? AuthorCategoryId = null, int? SettlementId = null);

/// <summary>"<see cref="WorkingDays"/> working days <see cref="Direction"/> <see cref="Date"/> at <see cref="At"/>" (local).</summary>
public sealed record RuleDto(int WorkingDays, RuleDirection Direction, DateOnly Date, string At);

/// <summary>Delivery rows by status. <see cref="Held"/> wait for the resident's next message (Messenger outside the window, web chat).</summary>
public sealed record DeliveryCountsDto(int Total, int Pending, int Sent, int Held, int Blocked, int Failed, int Skipped)
{
    public static DeliveryCountsDto From(IEnumerable<(OutboxStatus Status, int Count)> rows)
    {
        var list = rows.ToList();
        int Of(OutboxStatus s) => list.Where(r => r.Status == s).Sum(r => r.Count);
        return new DeliveryCountsDto(list.Sum(r => r.Count), Of(OutboxStatus.Pending), Of(OutboxStatus.Sent), Of(OutboxStatus.Held),
            Of(OutboxStatus.Blocked), Of(OutboxStatus.Failed), Of(OutboxStatus.Skipped));
    }
}

/// <summary>One announcement's delivery: per target, then the failed and blocked recipients with the reason.</summary>
public sealed record DeliveryReportDto(
    long Id, AnnouncementStatus Status, DateTimeOffset SendAt, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt,
    string? SentText, DeliveryCountsDto Total, IReadOnlyList<TargetReportDto> Targets, IReadOnlyList<FailureDto> Failures, int FailuresTotal);

/// <summary>
/// One target: <c>SkippedReason</c> (in the request's language) why nothing was sent to it, <c>Written</c> delivery rows
/// so far, <c>Complete</c> once every recipient has one; <c>OutsideWindow</c> counts Messenger subscribers outside Meta's
/// 24-hour window, who get it with the reply to their next message.
/// </summary>
public sealed record TargetReportDto(
    AnnouncementTarget Target, string? Recipient, string? SkippedReason, int Written, bool Complete, DeliveryCountsDto Counts, int OutsideWindow)
{
    /// <summary>The skipped reason in Ukrainian, for the announcement's page whatever the browser's language.</summary>
    [JsonIgnore]
    public string? SkippedReasonUkrainian { get; init; }
}

public sealed record FailureDto(AnnouncementTarget? Target, int? ResidentId, OutboxStatus Status, int Attempts, string? Error, DateTimeOffset? At);

/// <summary>A target, whether it can be used now (and why not), and its text limit.</summary>
public sealed record TargetInfoDto(AnnouncementTarget Target, bool Available, string? Unavailable, int MaxLength);

/// <summary>Residents subscribed to news, by channel (blocked residents are not counted as subscribed).</summary>
public sealed record SubscribersDto(int Total, IReadOnlyList<ChannelSubscribersDto> Channels);

/// <summary>One channel's subscribers; for Messenger, <c>InsideWindow</c> wrote in the last 24 hours and can be pushed now.</summary>
public sealed record ChannelSubscribersDto(Channel Channel, int Subscribed, int Blocked, int? InsideWindow, int? OutsideWindow);

internal static class AnnouncementMapping
{
    public static AnnouncementDto ToDto(Announcement a, CommunityClock clock, DeliveryCountsDto? delivery, string? preview = null) => new(
        a.Id, a.Kind, a.ConsultationId, a.Title, a.Text, preview, a.Targets.Select(t => t.Target).Order().ToList(),
        clock.ToLocal(a.SendAt),
        a.Rule is { } r ? new RuleDto(r.WorkingDays, r.Direction, r.Date, r.At.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)) : null,
        a.Status, clock.ToLocal(a.CreatedAt), a.CreatedBy, Local(clock, a.UpdatedAt), a.UpdatedBy, Local(clock, a.StartedAt),
        Local(clock, a.CompletedAt), Local(clock, a.CancelledAt), a.CancelledBy, a.Version, delivery, a.AuthorCategoryId, a.SettlementId);

    public static DateTimeOffset? Local(CommunityClock clock, DateTimeOffset? instant) => instant is { } i ? clock.ToLocal(i) : null;

    /// <summary>A scheduled automatic notice filled in now; null for a manual announcement or one already sent.</summary>
    public static async Task<string?> PreviewAsync(Announcement a, NoticeValues notices, CancellationToken ct) =>
        a.Kind == AnnouncementKind.Manual || a.Status != AnnouncementStatus.Scheduled ? null : await notices.RenderAsync(a, ct);
}
