using Hromada.Core.Pipeline;
using Hromada.Core.Storage;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Outbox;

/// <summary>
/// Writes outbox rows into the scope's unit of work. Replies and notices due now are leased to this instance as they
/// are written, and handed straight to the dispatcher on <see cref="Signal"/> (after the caller's commit), so the usual
/// path costs no claim query; if this instance dies first, the lease runs out and any instance sends them.
/// </summary>
internal sealed class Outbox(HromadaDbContext db, OutboxSignal signal, OutboxDispatcher dispatcher, IOptions<PipelineOptions> options, TimeProvider time) : IOutbox
{
    private readonly List<OutboxMessage> _leased = [];

    public OutboxMessage Enqueue(OutboxRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        var message = new OutboxMessage
        {
            Channel = request.Channel,
            Recipient = request.Recipient,
            IsPublicPost = request.IsPublicPost,
            Purpose = request.Purpose,
            Payload = OutboxPayload.Write(request.Messages),
            ResidentId = request.ResidentId,
            InboxItemId = request.InboxItemId,
            ProposalId = request.ProposalId,
            AnnouncementId = request.AnnouncementId,
            Status = request.Status,
            LastError = request.Status == OutboxStatus.Held ? request.HeldReason : null,
            ReplyContext = request.ReplyContext,
            EraseOnCompletion = request.EraseOnCompletion,
            Language = request.Language,
            CreatedAt = now,
            NextAttemptAt = request.NotBefore ?? now,
        };
        if (message.Status == OutboxStatus.Pending && message.Purpose != OutboxPurpose.Announcement
            && message.NextAttemptAt <= now && dispatcher.Sends(message.Channel))
        {
            message.LeaseOwner = dispatcher.Owner;
            message.LeaseUntil = now + options.Value.LeaseDuration;
            _leased.Add(message);
        }
        db.OutboxMessages.Add(message);
        return message;
    }

    public bool Sends(Proposals.Channel channel) => dispatcher.Sends(channel);

    public void Signal()
    {
        foreach (var message in _leased)
        {
            if (message.Id > 0)
            {
                dispatcher.Post(message);
            }
        }
        _leased.Clear();
        signal.Raise();
    }
}
