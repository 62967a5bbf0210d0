using Hromada.Core.Audit;
using Hromada.Core.Inbox;
using Hromada.Core.Outbox;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hromada.Core.Residents;

/// <summary>
/// Erases a chat resident at their request: the proposals they made stay, without their name and contacts (flagged
/// unidentified); everything the chat app sent or was sent — inbox payloads, outbox messages, dedup marks with their
/// session, the claim on their messages — goes, and so does the resident record. All in the caller's transaction:
/// the deletes run in the transaction the caller commits (a turn's group commit).
/// </summary>
public sealed class ResidentErasure(
    HromadaDbContext db, AuditLog audit, TimeProvider time, IEnumerable<ISenderMessageIds> messageIds, ILogger<ResidentErasure> logger)
{
    /// <summary>Erases <paramref name="resident"/>; <paramref name="currentInboxItemId"/> (the "yes, forget me") is blanked by the caller.</summary>
    /// <returns>How many proposals were anonymised.</returns>
    public async Task<int> EraseAsync(Resident resident, long? currentInboxItemId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(resident);
        if (db.Database.CurrentTransaction is null)
        {
            await db.Database.BeginTransactionAsync(ct);
        }
        var now = time.GetUtcNow();
        var theirs = resident.Id == 0 ? [] : await db.Proposals.Where(p => p.ResidentId == resident.Id).ToListAsync(ct);
        foreach (var p in theirs)
        {
            p.Anonymise(now);
            audit.Record($"resident:{resident.Channel}", p.Reference, new ProposalAnonymised(null, new AnonymisedState(now, p.IsUnidentified, InChat: true)));
        }

        var channel = resident.Channel;
        var sender = resident.ChannelUserId;
        // Held messages the caller already picked up for this reply are deleted below, not updated.
        foreach (var entry in db.ChangeTracker.Entries<OutboxMessage>().Where(e => e.Entity.ResidentId == resident.Id && resident.Id != 0).ToList())
        {
            entry.State = EntityState.Detached;
        }
        var inbox = await db.InboxItems.Where(i => i.Channel == channel && i.SenderKey == sender && i.Id != currentInboxItemId).ExecuteDeleteAsync(ct);
        var outbox = await db.OutboxMessages.Where(o => (o.Channel == channel && o.Recipient == sender && !o.IsPublicPost) || o.ResidentId == resident.Id)
            .ExecuteDeleteAsync(ct);
        // Message ids that carry who sent them, as their channel writes them.
        var prefix = messageIds.FirstOrDefault(m => m.Channel == channel)?.SenderPrefix(sender);
        var marks = prefix is null ? 0
            : await db.ProcessedMessages.Where(m => m.Channel == channel && m.MessageId.StartsWith(prefix)).ExecuteDeleteAsync(ct);
        var leaseKey = $"{channel}:{sender}";
        await db.SenderLeases.Where(l => l.Key == leaseKey).ExecuteDeleteAsync(ct);
        if (db.Entry(resident).State != EntityState.Detached)
        {
            db.Residents.Remove(resident);
        }
        else if (resident.Id != 0)
        {
            await db.Residents.Where(r => r.Id == resident.Id).ExecuteDeleteAsync(ct);
        }
        logger.LogInformation(
            "Erased a {Channel} resident at their request: {Proposals} proposal(s) anonymised, {Inbox} inbox item(s), {Outbox} outbox message(s) and {Marks} mark(s) deleted",
            channel, theirs.Count, inbox, outbox, marks);
        return theirs.Count;
    }
}
