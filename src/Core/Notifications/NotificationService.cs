using Hromada.Core.Community;
using Hromada.Core.Conversation;
using Hromada.Core.Email;
using Hromada.Core.Outbox;
using Hromada.Core.Proposals;
using Hromada.Core.Receipts;
using Hromada.Core.Resources;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Notifications;

/// <summary>
/// Writes the notices a proposal's author is owed (the decision, with the receipt link) into the outbox, in the
/// caller's unit of work, so a decision and its notices are stored together; the channels' senders deliver them with
/// the usual retries. The author is told in the chat they used and, when they gave an e-mail address and e-mail is on,
/// by e-mail too — whatever way the proposal came in. A notice to a resident who blocked the bot is held and handed
/// over when they write again. An author whose personal data was erased has no address left, so gets no e-mail.
/// </summary>
public sealed class NotificationService(HromadaDbContext db, IOutbox outbox, ReceiptLinks receipts, IOptions<CommunityOptions> community)
{
    /// <summary>Why a notice to a resident who blocked the bot is held (the working group's page says it in Ukrainian).</summary>
    public const string BlockedReason = "The resident has blocked the bot; the notice waits until they write again.";

    /// <summary>Why a notice to a web chat resident is held until they next open the chat.</summary>
    public const string WebChatReason = "The web chat shows it when the resident next has it open.";

    /// <summary>Adds the decision notices for <paramref name="proposal"/> (not saved); null when there is nobody to tell.</summary>
    public async Task<OutboxMessage?> EnqueueDecisionAsync(Proposal proposal, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        if (proposal.Outcome is not { } outcome)
        {
            return null;
        }
        var culture = community.Value.CultureOf(proposal.Language);
        var text = Texts.Format("Notice_Decision", culture,
            proposal.Reference,
            Texts.Get($"Outcome_{outcome}", culture),
            proposal.Justification,
            proposal.ProtocolNumber ?? "—",
            (proposal.ProtocolDate is { } protocolDate ? CommunityClock.DateText(protocolDate) : "—"));
        if (!string.IsNullOrEmpty(proposal.ReceiptCode))
        {
            text += "\n\n" + Texts.Format("Notice_ReceiptLink", culture, receipts.For(proposal.Reference, proposal.ReceiptCode));
        }

        var email = EnqueueEmail(proposal, Texts.Format("Notice_DecisionSubject", culture, proposal.Reference), text);
        if (proposal.ResidentId is not { } residentId)
        {
            return email;
        }
        var resident = await db.Residents.AsNoTracking().SingleOrDefaultAsync(r => r.Id == residentId, ct);
        if (resident is null)
        {
            return email;
        }
        var heldReason = resident.IsBlocked ? BlockedReason : resident.Channel == Channel.WebChat ? WebChatReason : null;
        return outbox.Enqueue(new OutboxRequest(resident.Channel, resident.ChannelUserId, OutboxPurpose.Notice, [new OutboundMessage(text)])
        {
            ResidentId = resident.Id,
            ProposalId = proposal.Id,
            Status = heldReason is null ? OutboxStatus.Pending : OutboxStatus.Held,
            HeldReason = heldReason,
            Language = culture.Name,
        });
    }

    /// <summary>
    /// Adds the receipt e-mail for a proposal the secretary entered with the author's e-mail address (not saved): the
    /// reference and the link where its status is always shown. Null when there is no address or e-mail is off.
    /// </summary>
    public OutboxMessage? EnqueueReceipt(Proposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var culture = community.Value.CultureOf(proposal.Language);
        var text = Texts.Format("Receipt_Email", culture, proposal.Reference, receipts.For(proposal.Reference, proposal.ReceiptCode));
        return EnqueueEmail(proposal, Texts.Format("Receipt_EmailSubject", culture, proposal.Reference), text);
    }

    private OutboxMessage? EnqueueEmail(Proposal proposal, string subject, string text)
    {
        if (proposal.AnonymisedAt is not null || !outbox.Sends(Channel.Email)
            || EmailRequest.Create(proposal.AuthorEmail, subject, text) is not { } request)
        {
            return null;
        }
        return outbox.Enqueue(request with { ProposalId = proposal.Id });
    }

    /// <summary>Hands what was enqueued to the senders; call after the caller's commit.</summary>
    public void Send() => outbox.Signal();
}
