using System.Globalization;
using Hromada.Core.Conversation;
using Hromada.Core.Outbox;
using Hromada.Core.Proposals;
using Hromada.Core.Resources;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Core.Notifications;

/// <summary>
/// Writes the notices a proposal's author is owed (the decision) into the outbox, in the caller's unit of work, so a
/// decision and its notice are stored together; the channel's sender delivers it with the usual retries. A notice to
/// a resident who blocked the bot is held and handed over when they write again.
/// </summary>
public sealed class NotificationService(HromadaDbContext db, IOutbox outbox)
{
    /// <summary>Why a notice to a resident who blocked the bot is held (the working group's page says it in Ukrainian).</summary>
    public const string BlockedReason = "The resident has blocked the bot; the notice waits until they write again.";

    /// <summary>Why a notice to a web chat resident is held until they next open the chat.</summary>
    public const string WebChatReason = "The web chat shows it when the resident next has it open.";

    /// <summary>Adds the decision notice for <paramref name="proposal"/> (not saved); null when there is nobody to tell.</summary>
    public async Task<OutboxMessage?> EnqueueDecisionAsync(Proposal proposal, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        if (proposal.ResidentId is not { } residentId || proposal.Outcome is not { } outcome)
        {
            return null;
        }
        var resident = await db.Residents.AsNoTracking().SingleOrDefaultAsync(r => r.Id == residentId, ct);
        if (resident is null)
        {
            return null;
        }

        var culture = CultureInfo.GetCultureInfo(string.IsNullOrEmpty(proposal.Language) ? "uk-UA" : proposal.Language);
        var text = Texts.Format("Notice_Decision", culture,
            proposal.Reference,
            Texts.Get($"Outcome_{outcome}", culture),
            proposal.Justification,
            proposal.ProtocolNumber ?? "—",
            proposal.ProtocolDate?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) ?? "—");
        var heldReason = resident.IsBlocked ? BlockedReason : resident.Channel == Channel.WebChat ? WebChatReason : null;
        return outbox.Enqueue(new OutboxRequest(resident.Channel, resident.ChannelUserId, OutboxPurpose.Notice, [new OutboundMessage(text)])
        {
            ResidentId = resident.Id,
            ProposalId = proposal.Id,
            Status = heldReason is null ? OutboxStatus.Pending : OutboxStatus.Held,
            HeldReason = heldReason,
        });
    }

    /// <summary>Hands what was enqueued to the senders; call after the caller's commit.</summary>
    public void Send() => outbox.Signal();
}
