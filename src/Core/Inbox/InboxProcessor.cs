using Hromada.Core.Pipeline;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Inbox;

/// <summary>
/// Handles stored inbox items of every channel: one resident's messages strictly in the order they were stored,
/// different residents side by side (<see cref="PipelineOptions.MaxConcurrentResidents"/>). Items stored here are
/// handed over in memory; the database is polled for the rest (after a restart, other instances, retries).
/// </summary>
public sealed class InboxProcessor : BackgroundService
{
    private readonly IServiceScopeFactory _scopes;
    private readonly SenderLeases _leases;
    private readonly PipelineOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<InboxProcessor> _logger;
    private readonly KeyedWorkQueue<InboxWork> _queue;

    public InboxProcessor(IServiceScopeFactory scopes, SenderLeases leases, IOptions<PipelineOptions> options, TimeProvider time, ILogger<InboxProcessor> logger)
    {
        _scopes = scopes;
        _leases = leases;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _queue = new KeyedWorkQueue<InboxWork>(_options.MaxConcurrentResidents, burst: 4, w => w.ItemId, HandleAsync, time, logger);
    }

    /// <summary>Items waiting or being handled in this instance.</summary>
    public int Backlog => _queue.Count;

    /// <summary>Hands a just-stored item over for handling (the <see cref="InboxWriter"/> does, in id order).</summary>
    public void Post(InboxWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        _queue.Post(work.Key, work);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var workers = _queue.RunAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PollAsync(stoppingToken);
                _leases.Trim();
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                _logger.LogError(ex, "Looking for inbox items to handle failed; trying again in {Interval}", _options.PollInterval);
            }
            try
            {
                await Task.Delay(_options.PollInterval, _time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        await workers;
    }

    private async Task PollAsync(CancellationToken ct)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        var pending = await db.InboxItems.AsNoTracking()
            .Where(i => i.Status == InboxStatus.Pending)
            .OrderBy(i => i.Id)
            .Take(2000)
            .Select(i => new { i.Id, i.Channel, i.SenderKey, i.Attempts, i.NextAttemptAt })
            .ToListAsync(ct);
        var posted = 0;
        foreach (var i in pending)
        {
            var work = new InboxWork(i.Id, i.Channel, i.SenderKey) { Attempts = i.Attempts, NextAttemptAt = i.NextAttemptAt };
            if (_queue.Post(work.Key, work))
            {
                posted++;
            }
        }
        if (posted > 0)
        {
            _logger.LogInformation("Picked up {Count} stored inbox item(s) waiting to be handled", posted);
        }
    }

    private async Task<WorkOutcome> HandleAsync(string key, InboxWork work, CancellationToken ct)
    {
        if (!await _leases.HoldAsync(key, ct))
        {
            _logger.LogDebug("{Key} is handled by another instance now", key);
            return WorkOutcome.Release;
        }
        await using var scope = _scopes.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<InboxItemHandler>().HandleAsync(work, ct);
        if (outcome.Kind == WorkOutcomeKind.Done)
        {
            work.Handled?.TrySetResult();
        }
        return outcome;
    }
}
