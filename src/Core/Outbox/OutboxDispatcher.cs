using Hromada.Core.Pipeline;
using Hromada.Core.Pipeline.PostgreSql;
using Hromada.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Channel = Hromada.Core.Proposals.Channel;

namespace Hromada.Core.Outbox;

/// <summary>
/// Sends the outbox through each channel's <see cref="IChannelSender"/>: one recipient's messages in order, different
/// recipients side by side; a failure retried with backoff and given up after the configured attempts; a platform's
/// retry_after waited out by that recipient alone (or, for pushes, by that channel's pushes); pushes paced by the
/// channel's limits. Messages written here are handed over in memory; others are claimed from the database with a lease.
/// On PostgreSQL the pushes' pace is shared by every instance through the database (<see cref="ISharedPushPace"/>).
/// </summary>
public sealed class OutboxDispatcher : BackgroundService
{
    private const int ClaimBatch = 500;

    /// <summary>Alone: announcements are claimed while fewer than this much of sending is ahead.</summary>
    private static readonly TimeSpan Lookahead = TimeSpan.FromSeconds(10);

    /// <summary>
    /// With a shared pace: announcements are claimed while every instance together has taken less than this much of
    /// sending ahead, <see cref="SharedBatch"/> at a time. Kept short, so an instance that dies leaves few slots
    /// unused and few messages waiting for its lease, and each instance claims again when its turn is near.
    /// </summary>
    private static readonly TimeSpan SharedLookahead = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan SharedBatch = TimeSpan.FromSeconds(0.5);
    private readonly IServiceScopeFactory _scopes;
    private readonly Dictionary<Channel, IChannelSender> _senders;
    private readonly OutboxSignal _signal;
    private readonly PipelineOptions _options;
    private readonly RetryPolicy _retry;
    private readonly TimeProvider _time;
    private readonly ILogger<OutboxDispatcher> _logger;
    private readonly KeyedWorkQueue<OutboxWork> _queue;
    private readonly PushLimiter _limiter;
    private readonly OutboxCompletions _completions;
    private readonly InFlight _sending = new();
    private bool _reclaimOwn = true;

    public OutboxDispatcher(
        IServiceScopeFactory scopes, IEnumerable<IChannelSender> senders, OutboxSignal signal, IOptions<PipelineOptions> options,
        IOptions<DatabaseOptions> database, TimeProvider time, ILoggerFactory loggers)
    {
        _scopes = scopes;
        _senders = senders.ToDictionary(s => s.Channel);
        _signal = signal;
        _options = options.Value;
        _retry = _options.SendRetry();
        _time = time;
        _logger = loggers.CreateLogger<OutboxDispatcher>();
        _limiter = new PushLimiter(time, database.Value.Provider == DatabaseProvider.PostgreSql ? new PostgreSqlPushPace(scopes) : null);
        _completions = new OutboxCompletions(scopes, time, loggers.CreateLogger<OutboxCompletions>());
        _queue = new KeyedWorkQueue<OutboxWork>(_options.MaxConcurrentSends, burst: 4, w => w.Id, HandleAsync, time, _logger);
    }

    /// <summary>True when this instance sends <paramref name="channel"/> (the web chat is fetched by the browser instead).</summary>
    public bool Sends(Channel channel) => _senders.ContainsKey(channel);

    public string Owner => _options.ResolvedInstanceId;

    /// <summary>Messages waiting or being sent in this instance.</summary>
    public int Backlog => _queue.Count;

    /// <summary>
    /// Hands over a message this instance just wrote (and leased to itself); <paramref name="messages"/> are its parts
    /// as written, so they need not be read back from the payload.
    /// </summary>
    internal void Post(OutboxMessage message, IReadOnlyList<Conversation.OutboundMessage>? messages = null) =>
        _queue.Post($"{message.Channel}:{message.Recipient}", OutboxWork.From(message, messages));

    /// <summary>
    /// Waits until every send under way has its result recorded and written (tests, shutdown): a message the platform
    /// has already received may still be waiting for its answer, and its result is recorded only after that.
    /// </summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        await _sending.WhenIdleAsync(ct);
        await _completions.FlushAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var workers = _queue.RunAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan? lookAgain = null;
            try
            {
                lookAgain = await ClaimAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                _logger.LogError(ex, "Claiming outbox messages failed; trying again shortly");
            }
            try
            {
                // Woken by a write here, by the poll, or (shared pace) when the slots taken ahead run short: on this
                // service's clock, as the slots are.
                using var due = lookAgain is { } after && after < _options.PollInterval ? new CancellationTokenSource(after, _time) : null;
                using var wake = due is null ? null : CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, due.Token);
                await _signal.WaitAsync(_options.PollInterval, wake?.Token ?? stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (OperationCanceledException)
            {
                // Time to claim the next announcements.
            }
        }
        await workers;
        // The results of what was sent are written before the service stops (bounded, so a database that is away does
        // not hold the stop): a result left unwritten means that message is sent again after its lease.
        using (var flush = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            try
            {
                await _completions.FlushAsync(flush.Token);
            }
            catch (OperationCanceledException)
            {
                _logger.LogWarning("Stopping with send results not yet written; those messages are sent again after their lease");
            }
        }
        _completions.Dispose();
    }

    /// <summary>Claims what is due; returns when to look again for announcements (shared pace), or null for the usual poll.</summary>
    private async Task<TimeSpan?> ClaimAsync(CancellationToken ct)
    {
        if (_senders.Count == 0)
        {
            return null;
        }
        var now = _time.GetUtcNow();
        var claimed = new List<OutboxWork>();
        var more = false;
        TimeSpan? lookAgain = null;
        await using (var scope = _scopes.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IPipelineStore>();
            var replies = await ClaimAsync(store, [.. _senders.Keys], [OutboxPurpose.Reply, OutboxPurpose.Notice], ClaimBatch, now, ct);
            claimed.AddRange(replies);
            more = replies.Count > 0;
            if (_limiter.IsShared)
            {
                foreach (var pushes in replies.Where(w => w.IsPush).GroupBy(w => w.Channel))
                {
                    await _limiter.AssignSharedAsync(pushes.Key, [.. pushes], _senders[pushes.Key].PushLimits, ct);
                }
            }
            foreach (var (channel, sender) in _senders)
            {
                if (_limiter.IsShared)
                {
                    var (announcements, next) = await ClaimSharedAsync(store, channel, sender.PushLimits, now, ct);
                    claimed.AddRange(announcements);
                    lookAgain = next is { } n && (lookAgain is null || n < lookAgain) ? n : lookAgain;
                    continue;
                }
                // Announcements are claimed a few seconds of sending at a time, so no claim outlives its lease.
                var ahead = Lookahead - _limiter.Horizon(channel);
                if (ahead > TimeSpan.Zero)
                {
                    var limit = (int)Math.Ceiling(Math.Max(1, sender.PushLimits.PerSecond) * ahead.TotalSeconds);
                    var announcements = await ClaimAsync(store, [channel], [OutboxPurpose.Announcement], limit, now, ct);
                    claimed.AddRange(announcements);
                    more |= announcements.Count > 0;
                }
            }
        }
        _reclaimOwn = false;
        foreach (var work in claimed.Where(w => !_completions.IsUnwritten(w.Id)))
        {
            _queue.Post(work.Key, work);
        }
        if (claimed.Count > 0)
        {
            _logger.LogDebug("Claimed {Count} outbox message(s)", claimed.Count);
        }
        if (more || lookAgain == TimeSpan.Zero)
        {
            // More may be waiting behind these (a broadcast): look again soon.
            _signal.Raise();
        }
        return lookAgain;
    }

    /// <summary>
    /// With a shared pace: claims announcements of <paramref name="channel"/> while every instance together has less
    /// than <see cref="SharedLookahead"/> of slots ahead, and takes their slots at once; returns them and when to look
    /// again (zero: at once, there may be more; null: nothing waits).
    /// </summary>
    private async Task<(IReadOnlyList<OutboxWork> Claimed, TimeSpan? LookAgain)> ClaimSharedAsync(
        IPipelineStore store, Channel channel, PushLimits limits, DateTimeOffset now, CancellationToken ct)
    {
        var horizon = await _limiter.SharedHorizonAsync(channel, ct);
        if (horizon >= SharedLookahead)
        {
            return ([], horizon - SharedLookahead);
        }
        var limit = (int)Math.Ceiling(Math.Max(1, limits.PerSecond) * SharedBatch.TotalSeconds);
        var claimed = await ClaimAsync(store, [channel], [OutboxPurpose.Announcement], limit, now, ct);
        if (claimed.Count == 0)
        {
            return ([], null);
        }
        var next = await _limiter.AssignSharedAsync(channel, claimed, limits, ct);
        if (claimed.Count < limit)
        {
            return (claimed, null);
        }
        var ahead = next - now;
        return (claimed, ahead > SharedLookahead ? ahead - SharedLookahead : TimeSpan.Zero);
    }

    private Task<IReadOnlyList<OutboxWork>> ClaimAsync(
        IPipelineStore store, IReadOnlyList<Channel> channels, IReadOnlyList<OutboxPurpose> purposes, int limit, DateTimeOffset now, CancellationToken ct) =>
        store.ClaimOutboxAsync(new OutboxClaim(Owner, channels, purposes, limit, now, now + _options.LeaseDuration, _reclaimOwn), ct);

    private async Task<WorkOutcome> HandleAsync(string key, OutboxWork work, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        if (work.NextAttemptAt > now)
        {
            return WorkOutcome.Retry(work.NextAttemptAt);
        }
        if (!_senders.TryGetValue(work.Channel, out var sender))
        {
            return WorkOutcome.Release;
        }
        if (work.IsPush)
        {
            if (work.Slot is null || _limiter.PausedUntil(work.Channel) > work.Slot)
            {
                if (!_limiter.IsShared)
                {
                    work.Slot = _limiter.Reserve(work.Channel, work.Recipient, sender.PushLimits);
                }
                else
                {
                    work.Slot = null;
                    var (at, taken) = await _limiter.ReserveSharedAsync(work.Channel, work.Recipient, sender.PushLimits, ct);
                    if (!taken)
                    {
                        return WorkOutcome.Retry(at);
                    }
                    work.Slot = at;
                    now = _time.GetUtcNow();
                }
            }
            if (work.Slot > now)
            {
                return WorkOutcome.Retry(work.Slot.Value);
            }
            // Alone, the window is the last word on the rate. Shared slots are already spaced for it over every
            // instance (see PushLimiter.SharedInterval), and this instance's window would see only its own pushes.
            if (!_limiter.IsShared && _limiter.Admit(work.Channel, sender.PushLimits) is { } later)
            {
                return WorkOutcome.Retry(later);
            }
        }

        SendResult result;
        _sending.Add();
        try
        {
            try
            {
                var delivery = new OutboxDelivery(work.Id, work.Channel, work.Recipient, work.IsPublicPost, work.Purpose,
                    work.Messages ?? OutboxPayload.Read(work.Payload), work.ReplyContext, work.PartsSent, work.ResidentId, work.Language);
                result = await sender.SendAsync(delivery, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                result = new SendResult(SendStatus.Failed, $"{ex.GetType().Name}: {ex.Message}", PartsSent: work.PartsSent);
            }
            work.PartsSent = Math.Max(work.PartsSent, result.PartsSent);
            now = _time.GetUtcNow();
            return Apply(work, result, now);
        }
        finally
        {
            _sending.Done();
        }
    }

    private WorkOutcome Apply(OutboxWork work, SendResult result, DateTimeOffset now)
    {
        switch (result.Status)
        {
            case SendStatus.Sent:
                Complete(work, OutboxStatus.Sent, null, now);
                return WorkOutcome.Done;

            case SendStatus.Throttled:
                var wait = _retry.DelayAfter(1, result.RetryAfter);
                work.NextAttemptAt = now + wait;
                work.Slot = null;
                if (work.IsPush && result.PausesChannel)
                {
                    _limiter.Pause(work.Channel, work.NextAttemptAt);
                }
                _logger.LogWarning("{Channel} asked to wait {Wait} before the next message to {Recipient}: {Error}", work.Channel, wait, work.Recipient, result.Error);
                Reschedule(work, result.Error);
                return WorkOutcome.Retry(work.NextAttemptAt);

            case SendStatus.Failed:
                work.Attempts++;
                if (_retry.GivesUp(work.Attempts, now - work.CreatedAt))
                {
                    _logger.LogError("Gave up sending outbox message {Id} ({Purpose}) to {Channel} {Recipient} after {Attempts} attempts: {Error}",
                        work.Id, work.Purpose, work.Channel, work.Recipient, work.Attempts, result.Error);
                    Complete(work, OutboxStatus.Failed, $"Given up after {work.Attempts} attempts: {result.Error}", now);
                    return WorkOutcome.Done;
                }
                work.NextAttemptAt = now + _retry.DelayAfter(work.Attempts);
                work.Slot = null;
                _logger.LogWarning("Sending outbox message {Id} to {Channel} {Recipient} failed (attempt {Attempts}); retrying at {At}: {Error}",
                    work.Id, work.Channel, work.Recipient, work.Attempts, work.NextAttemptAt, result.Error);
                Reschedule(work, result.Error);
                return WorkOutcome.Retry(work.NextAttemptAt);

            case SendStatus.OutsideWindow:
                _completions.Record(new OutboxUpdate(work.Id, OutboxStatus.Held, work.Attempts, work.PartsSent, now,
                    result.Error ?? "Outside the platform's messaging window: handed over with the reply to the resident's next message."));
                return WorkOutcome.Done;

            case SendStatus.Blocked:
                _logger.LogInformation("{Channel} recipient {Recipient} has blocked the bot or is gone; not retried", work.Channel, work.Recipient);
                _completions.Record(new OutboxUpdate(work.Id, OutboxStatus.Blocked, work.Attempts, work.PartsSent, now, result.Error)
                {
                    CompletedAt = now,
                    Delete = work.EraseOnCompletion,
                    BlockedResident = work.IsPublicPost ? null : (work.Channel, work.Recipient),
                });
                return WorkOutcome.Done;

            default:
                _logger.LogError("{Channel} refused outbox message {Id} to {Recipient} for good: {Error}", work.Channel, work.Id, work.Recipient, result.Error);
                Complete(work, OutboxStatus.Failed, $"Refused: {result.Error}", now);
                return WorkOutcome.Done;
        }
    }

    private void Complete(OutboxWork work, OutboxStatus status, string? error, DateTimeOffset now) =>
        _completions.Record(new OutboxUpdate(work.Id, status, work.Attempts, work.PartsSent, work.NextAttemptAt, error)
        {
            CompletedAt = now,
            Delete = work.EraseOnCompletion,
        });

    private void Reschedule(OutboxWork work, string? error) =>
        _completions.Record(new OutboxUpdate(work.Id, OutboxStatus.Pending, work.Attempts, work.PartsSent, work.NextAttemptAt, error)
        {
            LeaseOwner = Owner,
            LeaseUntil = work.NextAttemptAt + _options.LeaseDuration,
        });
}
