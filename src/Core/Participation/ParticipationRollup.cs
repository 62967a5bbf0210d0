using Hromada.Core.Community;
using Hromada.Core.Inbox;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Participation;

/// <summary>
/// Writes one <see cref="ParticipationActivity"/> per resident and local day they wrote, from the handled inbox items,
/// before retention deletes them. Runs at start, every <see cref="ParticipationOptions.RollupInterval"/>, and before the
/// figures are read, so they include today. Running twice adds nothing twice.
/// </summary>
public sealed class ParticipationRollup(
    IServiceScopeFactory scopes, CommunityClock clock, TimeProvider time, IOptions<ParticipationOptions> options,
    ILogger<ParticipationRollup> logger) : BackgroundService
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RollupInterval, time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Participation roll-up failed; it runs again in {Interval}", options.Value.RollupInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass; returns how many resident-days it added.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
            var last = await db.ParticipationActivities.MaxAsync(a => (DateOnly?)a.Day, ct);
            DateOnly first;
            if (last is { } day)
            {
                first = day;
            }
            else
            {
                var oldest = await db.InboxItems.Where(i => i.Status == InboxStatus.Done).MinAsync(i => (DateTimeOffset?)i.ReceivedAt, ct);
                if (oldest is null)
                {
                    return 0;
                }
                first = DateOnly.FromDateTime(clock.ToLocal(oldest.Value).DateTime);
            }

            var added = 0;
            for (var d = first; d <= clock.Today; d = d.AddDays(1))
            {
                added += await RollUpDayAsync(db, d, ct);
            }
            return added;
        }
        catch (DbUpdateException ex)
        {
            // Another instance rolled up the same day at the same moment; its rows are the same ones.
            logger.LogInformation(ex, "Participation roll-up met rows another instance wrote; the next pass completes it");
            return 0;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<int> RollUpDayAsync(HromadaDbContext db, DateOnly day, CancellationToken ct)
    {
        var start = clock.StartOfDay(day);
        var end = clock.StartOfDay(day.AddDays(1));
        var writers = await db.InboxItems.AsNoTracking()
            .Where(i => i.Status == InboxStatus.Done && i.ReceivedAt >= start && i.ReceivedAt < end)
            .Join(db.Residents, i => new { i.Channel, Key = i.SenderKey }, r => new { r.Channel, Key = r.ChannelUserId },
                (i, r) => new { r.Id, r.Channel })
            .Distinct()
            .ToListAsync(ct);
        if (writers.Count == 0)
        {
            return 0;
        }
        var known = (await db.ParticipationActivities.AsNoTracking().Where(a => a.Day == day).Select(a => a.ResidentId).ToListAsync(ct)).ToHashSet();
        var fresh = writers.Where(w => known.Add(w.Id)).Select(w => new ParticipationActivity { Day = day, ResidentId = w.Id, Channel = w.Channel }).ToList();
        if (fresh.Count == 0)
        {
            return 0;
        }
        db.ParticipationActivities.AddRange(fresh);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return fresh.Count;
    }
}
