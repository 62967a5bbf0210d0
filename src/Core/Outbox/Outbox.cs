using Hromada.Core.Storage;

namespace Hromada.Core.Outbox;

internal sealed class Outbox(HromadaDbContext db, OutboxSignal signal, TimeProvider time) : IOutbox
{
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
            CreatedAt = now,
            NextAttemptAt = request.NotBefore ?? now,
        };
        db.OutboxMessages.Add(message);
        return message;
    }

    public void Signal() => signal.Raise();
}
