using Hromada.Core.Proposals;

namespace Hromada.Core.Notifications;

/// <summary>A message the service owes a resident outside a conversation (a decision notice), kept until delivered.</summary>
public sealed class OutboundNotice
{
    public long Id { get; set; }
    public int ResidentId { get; set; }
    public Channel Channel { get; set; }
    public int? ProposalId { get; set; }
    public string Kind { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>Why it is waiting (e.g. outside Messenger's 24-hour window); shown to the working group.</summary>
    public string? HeldReason { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
}
