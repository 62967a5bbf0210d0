using Hromada.Core.Conversation;
using Hromada.Core.Proposals;

namespace Hromada.Core.Outbox;

/// <summary>An outbox message this instance has claimed and is sending.</summary>
public sealed class OutboxWork
{
    public required long Id { get; init; }
    public required Channel Channel { get; init; }
    public required string Recipient { get; init; }
    public required bool IsPublicPost { get; init; }
    public required OutboxPurpose Purpose { get; init; }
    public required string Payload { get; init; }

    /// <summary>
    /// The parts as written, when the message was handed over in memory by the one who wrote it (then
    /// <see cref="Payload"/> is not read back); null when claimed from the database.
    /// </summary>
    public IReadOnlyList<OutboundMessage>? Messages { get; init; }
    public string? ReplyContext { get; init; }
    public int? ResidentId { get; init; }
    public bool EraseOnCompletion { get; init; }

    /// <summary>The language the message is written in (<see cref="OutboxMessage.Language"/>).</summary>
    public string? Language { get; init; }
    public int PartsSent { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>When it was written: a failing send is retried for <see cref="Pipeline.PipelineOptions.SendRetryPeriod"/> from then.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The push slot reserved for it, if any.</summary>
    public DateTimeOffset? Slot { get; set; }

    public string Key => $"{Channel}:{Recipient}";

    public bool IsPush => Purpose != OutboxPurpose.Reply;

    public static OutboxWork From(OutboxMessage m, IReadOnlyList<OutboundMessage>? messages = null) => new()
    {
        Messages = messages,
        Id = m.Id,
        Channel = m.Channel,
        Recipient = m.Recipient,
        IsPublicPost = m.IsPublicPost,
        Purpose = m.Purpose,
        Payload = m.Payload,
        ReplyContext = m.ReplyContext,
        ResidentId = m.ResidentId,
        EraseOnCompletion = m.EraseOnCompletion,
        Language = m.Language,
        PartsSent = m.PartsSent,
        Attempts = m.Attempts,
        NextAttemptAt = m.NextAttemptAt,
        CreatedAt = m.CreatedAt,
    };
}
