using System.Globalization;
using Hromada.Core.Conversation;
using Hromada.Core.Proposals;
using Hromada.Core.Resources;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hromada.Core.Notifications;

/// <summary>
/// Tells a proposal's author about the decision in the channel they used. The notice is stored first, so it is never
/// lost: a channel that cannot push now (Messenger outside the 24-hour window, the web chat) leaves it held, and the
/// conversation engine hands it over with its next reply to that resident.
/// </summary>
public sealed class NotificationService(
    HromadaDbContext db, IEnumerable<INotificationChannel> channels, TimeProvider time, ILogger<NotificationService> logger)
{
    public const string DecisionKind = "Decision";

    /// <summary>Creates and tries to deliver the decision notice; returns the notice, or null when there is nobody to tell.</summary>
    public async Task<OutboundNotice?> NotifyDecisionAsync(Proposal proposal, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        if (proposal.ResidentId is not { } residentId || proposal.Outcome is not { } outcome)
        {
            return null;
        }
        var resident = await db.Residents.SingleOrDefaultAsync(r => r.Id == residentId, ct);
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
        var notice = new OutboundNotice
        {
            ResidentId = resident.Id,
            Channel = resident.Channel,
            ProposalId = proposal.Id,
            Kind = DecisionKind,
            Text = text,
            CreatedAt = time.GetUtcNow(),
        };
        db.OutboundNotices.Add(notice);
        await db.SaveChangesAsync(ct);

        if (resident.IsBlocked)
        {
            notice.HeldReason = "The resident has blocked the bot; the notice waits until they write again.";
            await db.SaveChangesAsync(ct);
            return notice;
        }

        var channel = channels.FirstOrDefault(c => c.Channel == resident.Channel);
        if (channel is null)
        {
            notice.HeldReason = $"The {resident.Channel} channel is off; the notice waits for the resident's next message.";
            await db.SaveChangesAsync(ct);
            return notice;
        }

        await DeliverAsync(notice, channel, resident.ChannelUserId, ct);
        return notice;
    }

    private async Task DeliverAsync(OutboundNotice notice, INotificationChannel channel, string channelUserId, CancellationToken ct)
    {
        notice.Attempts++;
        notice.LastAttemptAt = time.GetUtcNow();
        DeliveryOutcome outcome;
        try
        {
            outcome = await channel.PushAsync(channelUserId, new OutboundMessage(notice.Text), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Pushing notice {NoticeId} through {Channel} failed", notice.Id, channel.Channel);
            outcome = DeliveryOutcome.Failed;
        }

        switch (outcome)
        {
            case DeliveryOutcome.Delivered:
                notice.DeliveredAt = time.GetUtcNow();
                notice.HeldReason = null;
                break;
            case DeliveryOutcome.Held:
                notice.HeldReason = $"{channel.Channel} does not allow pushing now; delivered with the reply to the resident's next message.";
                break;
            case DeliveryOutcome.Blocked:
                notice.HeldReason = "The resident has blocked the bot; the notice waits until they write again.";
                break;
            default:
                notice.HeldReason = "Delivery failed; the notice waits for the resident's next message.";
                break;
        }
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Decision notice {NoticeId} via {Channel}: {Outcome}", notice.Id, channel.Channel, outcome);
    }
}
