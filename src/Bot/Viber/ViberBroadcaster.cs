using Hromada.Core.Outbox;
using Hromada.Core.Pipeline;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Channel = Hromada.Core.Proposals.Channel;

namespace Hromada.Bot.Viber;

/// <summary>
/// Sends announcement copies to Viber subscribers in broadcast_message calls of <see cref="ViberOptions.BroadcastBatchSize"/>
/// receivers (300, Viber's limit). The copies the dispatcher hands over side by side wait for the call under way and go
/// in the next one (as a group commit does); a call with room left fills it by taking further due copies from the
/// outbox itself, under this instance's lease, and writes their results as the dispatcher would. So a broadcast goes
/// 300 at a time although the dispatcher sends at most <c>MaxConcurrentSends</c> messages at once. A copy the
/// dispatcher hands over after a call took it is answered with that call's result and not sent again.
/// </summary>
internal sealed class ViberBroadcaster(
    IServiceScopeFactory scopes, IOptions<ViberOptions> options, IOptions<PipelineOptions> pipeline, TimeProvider time,
    ILogger<ViberBroadcaster> logger)
{
    private static readonly TimeSpan Remembered = TimeSpan.FromMinutes(2);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<Copy>> _waiting = new(StringComparer.Ordinal);

    // Copies the dispatcher handed over, until answered; then for a while, until the dispatcher has written their result.
    private readonly HashSet<long> _handedOver = [];
    private readonly Dictionary<long, DateTimeOffset> _answered = [];

    // Copies a call took from the outbox itself, until their results are written.
    private readonly Dictionary<long, Task<ViberResult>> _taken = [];

    /// <summary>Sends one copy (outbox row <paramref name="outboxId"/>) with the others going out now; its own result.</summary>
    public async Task<ViberResult> SendAsync(string receiver, long outboxId, ViberMessage message, CancellationToken ct)
    {
        Task<ViberResult>? taken;
        lock (_gate)
        {
            if (!_taken.TryGetValue(outboxId, out taken))
            {
                _handedOver.Add(outboxId);
            }
        }
        if (taken is not null)
        {
            return await taken.WaitAsync(ct);
        }
        try
        {
            if (await WrittenAsync(outboxId, ct) is { } done)
            {
                return done;
            }
            var copy = new Copy(receiver, outboxId);
            bool lead;
            lock (_gate)
            {
                lead = !_waiting.TryGetValue(message.Text, out var queue);
                if (queue is null)
                {
                    queue = new Queue<Copy>();
                    _waiting[message.Text] = queue;
                }
                queue.Enqueue(copy);
            }
            if (lead)
            {
                _ = LeadAsync(message, ct);
            }
            return await copy.Result.Task.WaitAsync(ct);
        }
        finally
        {
            lock (_gate)
            {
                _handedOver.Remove(outboxId);
                _answered[outboxId] = time.GetUtcNow();
            }
        }
    }

    /// <summary>The result of a copy a call already took and wrote (sent, blocked, failed); null while it is still to send.</summary>
    private async Task<ViberResult?> WrittenAsync(long outboxId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        var row = await db.OutboxMessages.AsNoTracking().Where(m => m.Id == outboxId).Select(m => new { m.Status, m.LastError }).SingleOrDefaultAsync(ct);
        return row?.Status switch
        {
            null or OutboxStatus.Sent => new ViberResult(ViberStatus.Ok, 200, "sent with another copy's broadcast_message", []),
            OutboxStatus.Blocked => new ViberResult(ViberStatus.ReceiverNotSubscribed, 200, row.LastError, []),
            OutboxStatus.Failed => new ViberResult(ViberStatus.BadData, 200, row.LastError, []),
            _ => null,
        };
    }

    private async Task LeadAsync(ViberMessage message, CancellationToken ct)
    {
        var size = options.Value.BroadcastBatchSize;
        var emptied = false;
        try
        {
            while (true)
            {
                List<Copy> batch = [];
                lock (_gate)
                {
                    var queue = _waiting[message.Text];
                    if (queue.Count == 0)
                    {
                        _waiting.Remove(message.Text);
                        emptied = true;
                        return;
                    }
                    while (batch.Count < size && queue.TryDequeue(out var next))
                    {
                        batch.Add(next);
                    }
                }
                List<Taken> extra = [];
                try
                {
                    extra = batch.Count < size ? await TakeAsync(size - batch.Count, ct) : [];
                    var groups = extra.GroupBy(e => e.Text, StringComparer.Ordinal).ToList();
                    await SendBatchAsync(batch, groups.FirstOrDefault(g => g.Key == message.Text)?.ToList() ?? [], message, ct);
                    foreach (var other in groups.Where(g => g.Key != message.Text))
                    {
                        await SendBatchAsync([], [.. other], new ViberMessage(other.Key), ct);
                    }
                }
                finally
                {
                    // Whatever went wrong, no copy is left waiting for an answer that will not come.
                    foreach (var copy in batch)
                    {
                        copy.Result.TrySetException(new InvalidOperationException("The broadcast_message call ended without an answer."));
                    }
                    Release(extra);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: the copies are sent again after the restart.
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Viber broadcast stopped; its waiting copies are retried by the outbox");
        }
        finally
        {
            if (!emptied)
            {
                FailWaiting(message.Text);
            }
        }
    }

    /// <summary>
    /// Takes up to <paramref name="room"/> further due announcement copies from the outbox under this instance's lease
    /// (also ones the dispatcher has claimed but not handed over yet); those that are not a single text are let go.
    /// </summary>
    private async Task<List<Taken>> TakeAsync(int room, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IPipelineStore>();
        var o = pipeline.Value;
        var now = time.GetUtcNow();
        var claimed = await store.ClaimOutboxAsync(
            new OutboxClaim(o.ResolvedInstanceId, [Channel.Viber], [OutboxPurpose.Announcement], room, now, now + o.LeaseDuration, ReclaimOwn: true), ct);
        var taken = new List<Taken>();
        var letGo = new List<OutboxUpdate>();
        lock (_gate)
        {
            foreach (var (id, at) in _answered.Where(a => now - a.Value > Remembered).ToList())
            {
                _answered.Remove(id);
            }
            foreach (var work in claimed)
            {
                if (_handedOver.Contains(work.Id) || _answered.ContainsKey(work.Id) || _taken.ContainsKey(work.Id))
                {
                    continue;
                }
                if (work.PartsSent > 0 || OutboxPayload.Read(work.Payload) is not [{ Choices.Count: 0, RequestContact: false } only]
                    || only.Text.Trim().Length is 0 or > ViberLayout.MaxTextLength)
                {
                    letGo.Add(new OutboxUpdate(work.Id, OutboxStatus.Pending, work.Attempts, work.PartsSent, now, null));
                    continue;
                }
                var t = new Taken(work, only.Text.Trim());
                _taken[work.Id] = t.Result.Task;
                taken.Add(t);
            }
        }
        if (letGo.Count > 0)
        {
            await store.WriteSendResultsAsync(letGo, ct);
        }
        return taken;
    }

    private async Task SendBatchAsync(List<Copy> batch, List<Taken> extra, ViberMessage message, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        var extraReceivers = extra.Select(e => e.Work.Recipient).ToList();
        var gone = new HashSet<string>(StringComparer.Ordinal);
        if (extraReceivers.Count > 0)
        {
            gone.UnionWith(await db.Residents.AsNoTracking()
                .Where(r => r.Channel == Channel.Viber && r.IsBlocked && extraReceivers.Contains(r.ChannelUserId))
                .Select(r => r.ChannelUserId).ToListAsync(ct));
        }
        var receivers = batch.Select(c => c.Receiver).Concat(extraReceivers.Where(r => !gone.Contains(r)))
            .Distinct(StringComparer.Ordinal).ToList();

        var result = receivers.Count == 0 ? new ViberResult(ViberStatus.Ok, 200, null, []) : await scope.ServiceProvider.GetRequiredService<ViberApiClient>()
            .BroadcastAsync(receivers, message, ct);
        logger.LogInformation("Viber broadcast_message to {Count} receiver(s) ({Extra} taken from the outbox): {Outcome}, {Failed} in failed_list",
            receivers.Count, extra.Count, result.Ok ? "ok" : result.ToString(), result.FailedList.Count);
        var failed = result.FailedList.GroupBy(f => f.Receiver, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        ViberResult For(string receiver) => gone.Contains(receiver)
            ? new ViberResult(ViberStatus.ReceiverNotSubscribed, 200, "The resident unsubscribed from the Viber bot.", [])
            : result.Ok && failed.TryGetValue(receiver, out var f) ? new ViberResult(f.Status, result.HttpStatus, f.StatusMessage, []) : result with { FailedList = [] };

        var now = time.GetUtcNow();
        var store = scope.ServiceProvider.GetRequiredService<IPipelineStore>();
        if (extra.Count > 0)
        {
            await store.WriteSendResultsAsync(extra.Select(e => Update(e.Work, For(e.Work.Recipient), now)).ToList(), ct);
        }
        var delivered = batch.Select(c => (c.OutboxId, c.Receiver)).Concat(extra.Select(e => (OutboxId: e.Work.Id, Receiver: e.Work.Recipient)))
            .Where(x => For(x.Receiver).Ok).Select(x => x.OutboxId).ToList();
        await ViberDeliveries.RememberAsync(db, delivered, ViberDeliveries.Tokens([result.MessageToken]), ct);
        foreach (var copy in batch)
        {
            copy.Result.TrySetResult(For(copy.Receiver));
        }
        foreach (var e in extra)
        {
            e.Result.TrySetResult(For(e.Work.Recipient));
        }
    }

    /// <summary>What the dispatcher would record for a copy a call took itself.</summary>
    private OutboxUpdate Update(OutboxWork work, ViberResult result, DateTimeOffset now)
    {
        var send = ViberChannelSender.Outcome(result, 0, options.Value.ThrottleWait) ?? SendResult.Sent(1);
        var retry = pipeline.Value.SendRetry();
        switch (send.Status)
        {
            case SendStatus.Sent:
                return new OutboxUpdate(work.Id, OutboxStatus.Sent, work.Attempts, 1, work.NextAttemptAt, null) { CompletedAt = now, Delete = work.EraseOnCompletion };
            case SendStatus.Blocked:
                return new OutboxUpdate(work.Id, OutboxStatus.Blocked, work.Attempts, 0, work.NextAttemptAt, send.Error)
                {
                    CompletedAt = now,
                    Delete = work.EraseOnCompletion,
                    BlockedResident = (Channel.Viber, work.Recipient),
                };
            case SendStatus.Throttled:
                // Let go: the dispatcher sends it after the wait (the copies of the call pause the channel's pushes).
                return new OutboxUpdate(work.Id, OutboxStatus.Pending, work.Attempts, 0, now + retry.DelayAfter(1, send.RetryAfter), send.Error);
            case SendStatus.Failed:
                var attempts = work.Attempts + 1;
                return retry.GivesUp(attempts, now - work.CreatedAt)
                    ? new OutboxUpdate(work.Id, OutboxStatus.Failed, attempts, 0, now, $"Given up after {attempts} attempts: {send.Error}") { CompletedAt = now, Delete = work.EraseOnCompletion }
                    : new OutboxUpdate(work.Id, OutboxStatus.Pending, attempts, 0, now + retry.DelayAfter(attempts), send.Error);
            default:
                return new OutboxUpdate(work.Id, OutboxStatus.Failed, work.Attempts, 0, now, $"Refused: {send.Error}") { CompletedAt = now, Delete = work.EraseOnCompletion };
        }
    }

    /// <summary>Forgets the copies a call took (their results are written, or the lease gives them back); a copy not answered fails.</summary>
    private void Release(List<Taken> extra)
    {
        lock (_gate)
        {
            foreach (var e in extra)
            {
                _taken.Remove(e.Work.Id);
            }
        }
        foreach (var e in extra)
        {
            e.Result.TrySetException(new InvalidOperationException("The broadcast_message call ended without an answer."));
        }
    }

    private void FailWaiting(string key)
    {
        lock (_gate)
        {
            if (_waiting.Remove(key, out var queue))
            {
                foreach (var copy in queue)
                {
                    copy.Result.TrySetException(new InvalidOperationException("The broadcast was interrupted; sent again on the next attempt."));
                }
            }
        }
    }

    private sealed record Copy(string Receiver, long OutboxId)
    {
        public TaskCompletionSource<ViberResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed record Taken(OutboxWork Work, string Text)
    {
        public TaskCompletionSource<ViberResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
