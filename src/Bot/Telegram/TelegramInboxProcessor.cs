using System.Threading.Channels;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Channel = Hromada.Core.Proposals.Channel;

namespace Hromada.Bot.Telegram;

/// <summary>
/// Works through stored Telegram updates in update_id order: at start-up (updates acknowledged before a restart) and
/// whenever new ones are stored. One pass at a time, so a resident's messages are answered in order.
/// </summary>
internal sealed class TelegramInboxProcessor(IServiceScopeFactory scopes, ILogger<TelegramInboxProcessor> logger) : BackgroundService
{
    private readonly Channel<bool> _signal = System.Threading.Channels.Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Signal() => _signal.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Signal();
        while (await _signal.Reader.WaitToReadAsync(stoppingToken))
        {
            _signal.Reader.TryRead(out _);
            try
            {
                await RunPassAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Telegram inbox pass failed; it runs again with the next update or restart");
            }
        }
    }

    internal async Task RunPassAsync(CancellationToken ct)
    {
        List<long> pending;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
            pending = await db.InboxItems.AsNoTracking()
                .Where(i => i.Channel == Channel.Telegram && i.ProcessedAt == null && i.Attempts < TelegramUpdateHandler.MaxAttempts)
                .OrderBy(i => i.Id).Select(i => i.Id).Take(500).ToListAsync(ct);
        }
        var failed = false;
        foreach (var id in pending)
        {
            await using var scope = scopes.CreateAsyncScope();
            failed |= !await scope.ServiceProvider.GetRequiredService<TelegramUpdateHandler>().ProcessAsync(id, ct);
        }
        if (pending.Count == 500)
        {
            Signal();
        }
        else if (failed)
        {
            _ = RetryLaterAsync(ct);
        }
    }

    private async Task RetryLaterAsync(CancellationToken ct)
    {
        await Task.Delay(TimeSpan.FromSeconds(5), ct);
        Signal();
    }
}
