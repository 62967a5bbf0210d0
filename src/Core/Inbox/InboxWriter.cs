using Hromada.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Channel = Hromada.Core.Proposals.Channel;

namespace Hromada.Core.Inbox;

/// <summary>
/// The result of storing one payload: its inbox id, or null when the same (channel, external id) was stored before;
/// and, when asked for, a task that completes once the item has been handled here.
/// </summary>
public readonly record struct StoredItem(long? Id, Task? Handled = null)
{
    public bool IsNew => Id is not null;
}

/// <summary>
/// Stores raw payloads before the platform is answered. Concurrent callers are written together in one transaction
/// (a group commit), so many webhooks at once cost one commit, not one each; every caller still waits for its own row
/// to be committed before it answers the platform. New items are handed to the <see cref="InboxProcessor"/> here, in
/// the order of their ids, so one sender's messages are handled in the order they were stored.
/// </summary>
public sealed class InboxWriter(IServiceScopeFactory scopes, InboxProcessor processor, TimeProvider time, ILogger<InboxWriter> logger)
    : BatchWriter<InboxWriter.Request>(scopes, time, logger)
{
    /// <summary>
    /// Stores one payload (<paramref name="parsed"/> is what its channel adapter made of it, so it need not be parsed
    /// again); with <paramref name="trackHandling"/> the result carries a task that completes when it has been handled.
    /// </summary>
    public Task<StoredItem> StoreAsync(
        Channel channel, string externalId, string senderKey, string payload, Inbound? parsed = null, bool trackHandling = false, CancellationToken ct = default)
    {
        var request = new Request(channel, externalId, senderKey, payload, parsed, trackHandling);
        Enqueue(request);
        return request.Completion.Task.WaitAsync(ct);
    }

    protected override async Task WriteAsync(IPipelineStore store, IReadOnlyList<Request> batch, CancellationToken ct)
    {
        var ids = await store.StoreInboxAsync([.. batch.Select(r => new InboxInsert(r.Channel, r.ExternalId, r.SenderKey, r.Payload))], Time.GetUtcNow(), ct);
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Id = ids[i];
        }
    }

    protected override void Written(IReadOnlyList<Request> batch)
    {
        foreach (var r in batch)
        {
            Task? handled = null;
            if (r.Id is { } id)
            {
                var work = new InboxWork(id, r.Channel, r.SenderKey) { Parsed = r.Parsed };
                if (r.TrackHandling)
                {
                    work.Handled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    handled = work.Handled.Task;
                }
                processor.Post(work);
            }
            r.Completion.TrySetResult(new StoredItem(r.Id, handled));
        }
    }

    protected override void GiveUp(IReadOnlyList<Request> batch, Exception failure)
    {
        Logger.LogError(failure, "Storing {Count} inbound payload(s) failed; the platform is told to deliver them again", batch.Count);
        foreach (var r in batch)
        {
            r.Completion.TrySetException(failure);
        }
    }

    /// <summary>One payload waiting to be stored.</summary>
    public sealed record Request(Channel Channel, string ExternalId, string SenderKey, string Payload, Inbound? Parsed, bool TrackHandling)
    {
        internal TaskCompletionSource<StoredItem> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        internal long? Id { get; set; }
    }
}
