using Hromada.Core.Community;
using Hromada.Core.Conversation;
using Hromada.Core.Outbox;
using Hromada.Core.Pipeline;
using Hromada.Core.Residents;
using Hromada.Core.Resources;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Inbox;

/// <summary>
/// Handles one inbox item: parses it with its channel's adapter, has the engine decide the turn, and hands the decision
/// to the group commit (<see cref="TurnCommitter"/>), which writes the resident's new state, the reply (into the outbox)
/// and the item's "done" mark together with other residents' turns. A failure is retried with backoff; an item that
/// cannot be parsed, or keeps failing, is set aside with its reason and holds nothing up.
/// </summary>
internal sealed class InboxItemHandler(
    IServiceProvider services,
    TurnRunner turns,
    IEnumerable<IChannelAdapter> adapters,
    IOptions<PipelineOptions> options,
    IOptions<CommunityOptions> community,
    TimeProvider time,
    ILogger<InboxItemHandler> logger)
{
    // Resolved from the scope when used: a message handed over parsed needs none of them on its way (the turn's state
    // is read and written in batches), and a DbContext taken from the pool, and reset on its return, for every message
    // would cost more than the rest of its scope.
    private HromadaDbContext Db => services.GetRequiredService<HromadaDbContext>();

    private IPipelineStore Store => services.GetRequiredService<IPipelineStore>();

    private IOutbox Replies => services.GetRequiredService<IOutbox>();

    public async Task<WorkOutcome> HandleAsync(InboxWork work, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (work.NextAttemptAt > now)
        {
            return WorkOutcome.Retry(work.NextAttemptAt);
        }

        Inbound inbound;
        if (work.Parsed is { } parsed)
        {
            inbound = parsed;
        }
        else
        {
            var row = await Db.InboxItems.AsNoTracking().Where(i => i.Id == work.ItemId)
                .Select(i => new { i.Status, i.Payload, i.ExternalId }).FirstOrDefaultAsync(ct);
            if (row is null || row.Status != InboxStatus.Pending)
            {
                return WorkOutcome.Done;
            }
            var adapter = adapters.FirstOrDefault(a => a.Channel == work.Channel);
            if (adapter is null)
            {
                // The channel is switched off: keep the item until it is on again.
                return WorkOutcome.Release;
            }
            try
            {
                inbound = adapter.Parse(row.Payload, row.ExternalId);
            }
            catch (InboundFormatException ex)
            {
                await SetAsideAsync(work, $"The payload cannot be read: {ex.Message}", CancellationToken.None);
                return WorkOutcome.Done;
            }
        }

        try
        {
            if (inbound.Message is { } message)
            {
                var result = await turns.RunAsync(message with { InboxItemId = work.ItemId, ReplyContext = inbound.ReplyContext }, ct);
                if (result.Status is TurnCommitStatus.Failed or TurnCommitStatus.Conflict)
                {
                    return await FailedAsync(work, result.Error ?? new InvalidOperationException("The resident changed meanwhile."));
                }
            }
            else
            {
                await HandleWithoutEngineAsync(work, inbound, ct);
            }
            return WorkOutcome.Done;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            return await FailedAsync(work, ex);
        }
    }

    /// <summary>This item alone is tried again later, or set aside once it has failed too often.</summary>
    private async Task<WorkOutcome> FailedAsync(InboxWork work, Exception ex)
    {
        work.Attempts++;
        Db.ChangeTracker.Clear();
        // A full disk or a read-only database is not the message's fault: it waits (with backoff) until writes work again.
        var retry = options.Value.HandlingRetry();
        if (retry.GivesUp(work.Attempts) && StorageHealth.Describe(ex) is null)
        {
            logger.LogError(ex, "{Channel} inbox item {ItemId} failed {Attempts} times; set aside", work.Channel, work.ItemId, work.Attempts);
            await SetAsideAsync(work, Describe(ex), CancellationToken.None);
            return WorkOutcome.Done;
        }
        work.NextAttemptAt = time.GetUtcNow() + retry.DelayAfter(work.Attempts);
        logger.LogWarning(ex, "{Channel} inbox item {ItemId} failed (attempt {Attempts}); trying again at {At}",
            work.Channel, work.ItemId, work.Attempts, work.NextAttemptAt);
        await Store.ScheduleRetryAsync(work.ItemId, work.Attempts, work.NextAttemptAt, Describe(ex), CancellationToken.None);
        return WorkOutcome.Retry(work.NextAttemptAt);
    }

    /// <summary>Events about the resident, and payloads that only need their channel acknowledgement sent.</summary>
    private async Task HandleWithoutEngineAsync(InboxWork work, Inbound inbound, CancellationToken ct)
    {
        var residents = Db.Residents.Where(r => r.Channel == work.Channel && r.ChannelUserId == inbound.SenderKey);
        switch (inbound.Event)
        {
            case ChannelEvent.Blocked:
                var blocked = await residents.ExecuteUpdateAsync(s => s.SetProperty(r => r.IsBlocked, true).SetProperty(r => r.IsSubscribed, false), ct);
                logger.LogInformation("{Channel} resident {Sender} blocked the bot; marked and unsubscribed ({Count})", work.Channel, inbound.SenderKey, blocked);
                break;
            case ChannelEvent.Unblocked:
                await residents.ExecuteUpdateAsync(s => s.SetProperty(r => r.IsBlocked, false), ct);
                logger.LogInformation("{Channel} resident {Sender} is back", work.Channel, inbound.SenderKey);
                break;
            case ChannelEvent.GroupChat:
                await TellGroupOnceAsync(work, inbound, ct);
                break;
        }
        if (inbound.ReplyContext is not null && inbound.Event is null)
        {
            // A page of a list the resident is reading: its buttons in the resident's language, carried with the request.
            var language = await residents.Select(r => r.Language).FirstOrDefaultAsync(ct);
            Replies.Enqueue(new OutboxRequest(work.Channel, inbound.SenderKey, OutboxPurpose.Reply, [])
            {
                InboxItemId = work.ItemId, ReplyContext = inbound.ReplyContext, Language = language,
            });
        }
        InboxCompletion.MarkDone(Db, work.ItemId, time.GetUtcNow());
        await Db.SaveChangesAsync(ct);
        Replies.Signal();
    }

    private async Task TellGroupOnceAsync(InboxWork work, Inbound inbound, CancellationToken ct)
    {
        var marker = $"group-notice:{inbound.SenderKey}";
        if (await Db.ProcessedMessages.AnyAsync(p => p.Channel == work.Channel && p.MessageId == marker, ct))
        {
            return;
        }
        Db.ProcessedMessages.Add(new ProcessedMessage { Channel = work.Channel, MessageId = marker, ProcessedAt = time.GetUtcNow() });
        var text = Texts.Get("Telegram_PrivateOnly", community.Value.Culture);
        Replies.Enqueue(new OutboxRequest(work.Channel, inbound.SenderKey, OutboxPurpose.Reply, [new OutboundMessage(text)]) { InboxItemId = work.ItemId });
        logger.LogInformation("{Channel}: telling group chat {Chat} once that the bot works only in private chats", work.Channel, inbound.SenderKey);
    }

    private async Task SetAsideAsync(InboxWork work, string reason, CancellationToken ct)
    {
        Db.ChangeTracker.Clear();
        await Store.SetAsideAsync(work.ItemId, work.Attempts, reason, time.GetUtcNow(), ct);
        logger.LogWarning("{Channel} inbox item {ItemId} set aside: {Reason}", work.Channel, work.ItemId, reason);
    }

    private static string Describe(Exception ex)
    {
        var text = $"{ex.GetType().Name}: {ex.GetBaseException().Message}";
        return text.Length > 1000 ? text[..1000] : text;
    }
}
