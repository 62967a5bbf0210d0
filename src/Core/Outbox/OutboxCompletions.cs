using Hromada.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Channel = Hromada.Core.Proposals.Channel;

namespace Hromada.Core.Outbox;

/// <summary>What to record about one outbox message after a send.</summary>
public sealed record OutboxUpdate(long Id, OutboxStatus Status, int Attempts, int PartsSent, DateTimeOffset NextAttemptAt, string? Error)
{
    public DateTimeOffset? CompletedAt { get; init; }
    public string? LeaseOwner { get; init; }
    public DateTimeOffset? LeaseUntil { get; init; }
    public bool Delete { get; init; }

    /// <summary>Set for a recipient who blocked the bot: the resident is marked blocked and unsubscribed.</summary>
    public (Channel Channel, string ChannelUserId)? BlockedResident { get; init; }
}

/// <summary>
/// Writes send results in batches (one transaction for many), so recording a send costs a fraction of a commit.
/// A crash before a batch is written leaves those messages leased: they are sent again after the lease — the
/// "at most twice for messages in flight" bound.
/// </summary>
internal sealed class OutboxCompletions(IServiceScopeFactory scopes, TimeProvider time, ILogger<OutboxCompletions> logger)
    : BatchWriter<OutboxUpdate>(scopes, time, logger)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, byte> _unwritten = new();
    private readonly InFlight _pending = new();

    /// <summary>Five tries, 0.2, 0.4, 0.8 and 1.6 s apart: a database busy for a moment does not cost a second send.</summary>
    protected override RetryPolicy Retry { get; } = new(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(2), maxAttempts: 5);

    /// <summary>
    /// True while the result of a send of message <paramref name="id"/> is recorded but not yet written: the row still
    /// reads "pending" in the database, and must not be claimed and sent again.
    /// </summary>
    public bool IsUnwritten(long id) => _unwritten.ContainsKey(id);

    public void Record(OutboxUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        _unwritten[update.Id] = 0;
        _pending.Add();
        Enqueue(update);
    }

    /// <summary>Waits until everything recorded so far is written (tests, shutdown).</summary>
    public Task FlushAsync(CancellationToken ct) => _pending.WhenIdleAsync(ct);

    protected override Task WriteAsync(IPipelineStore store, IReadOnlyList<OutboxUpdate> batch, CancellationToken ct) =>
        store.WriteSendResultsAsync(batch, ct);

    protected override void Written(IReadOnlyList<OutboxUpdate> batch) => Forget(batch);

    protected override void GiveUp(IReadOnlyList<OutboxUpdate> batch, Exception failure)
    {
        Logger.LogError(failure, "Recording {Count} send result(s) failed; those messages are sent again after their lease", batch.Count);
        Forget(batch);
    }

    private void Forget(IReadOnlyList<OutboxUpdate> batch)
    {
        foreach (var u in batch)
        {
            _unwritten.TryRemove(u.Id, out _);
        }
        _pending.Done(batch.Count);
    }
}
