using Microsoft.Extensions.Options;

namespace Hromada.Bot.Viber;

/// <summary>
/// Gathers the announcement copies the dispatcher sends side by side into broadcast_message calls of at most
/// <see cref="ViberOptions.BroadcastBatchSize"/> receivers: the first copy of a text goes out at once; those that come
/// while a call is under way wait for it and go together in the next one (as a group commit does). Each copy gets its
/// own result: the call's, or its receiver's entry in failed_list. No timer: nothing waits that could go now.
/// </summary>
internal sealed class ViberBroadcaster(IServiceScopeFactory scopes, IOptions<ViberOptions> options, ILogger<ViberBroadcaster> logger)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<Copy>> _waiting = new(StringComparer.Ordinal);

    public Task<ViberResult> SendAsync(string receiver, ViberMessage message, CancellationToken ct)
    {
        var copy = new Copy(receiver);
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
        return copy.Result.Task.WaitAsync(ct);
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
                try
                {
                    await SendBatchAsync(batch, message, ct);
                }
                finally
                {
                    // Whatever went wrong, no copy is left waiting for an answer that will not come.
                    foreach (var copy in batch)
                    {
                        copy.Result.TrySetException(new InvalidOperationException("The broadcast_message call ended without an answer."));
                    }
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

    private async Task SendBatchAsync(List<Copy> batch, ViberMessage message, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var api = scope.ServiceProvider.GetRequiredService<ViberApiClient>();
        var receivers = batch.Select(c => c.Receiver).Distinct(StringComparer.Ordinal).ToList();
        var result = await api.BroadcastAsync(receivers, message, ct);
        logger.LogInformation("Viber broadcast_message to {Count} receiver(s): {Outcome}, {Failed} in failed_list",
            receivers.Count, result.Ok ? "ok" : result.ToString(), result.FailedList.Count);
        var failed = result.FailedList.GroupBy(f => f.Receiver, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var copy in batch)
        {
            copy.Result.TrySetResult(result.Ok && failed.TryGetValue(copy.Receiver, out var f)
                ? new ViberResult(f.Status, result.HttpStatus, f.StatusMessage, [])
                : result with { FailedList = [] });
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

    private sealed record Copy(string Receiver)
    {
        public TaskCompletionSource<ViberResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
