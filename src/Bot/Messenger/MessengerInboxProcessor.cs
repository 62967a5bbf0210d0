using System.Text.Json;
using System.Threading.Channels;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Channel = Hromada.Core.Proposals.Channel;

namespace Hromada.Bot.Messenger;

/// <summary>
/// Works through stored Messenger events: at start-up (events acknowledged before a restart) and whenever the
/// webhook stores new ones. Each resident's events are handled one after another in the order they arrived;
/// different residents are handled side by side.
/// </summary>
internal sealed class MessengerInboxProcessor(IServiceScopeFactory scopes, ILogger<MessengerInboxProcessor> logger) : BackgroundService
{
    private const int BatchSize = 500;
    private readonly Channel<bool> _signal = System.Threading.Channels.Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>New events are stored: run a pass soon.</summary>
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
                logger.LogError(ex, "Messenger inbox pass failed; it runs again with the next webhook or restart");
            }
        }
    }

    internal async Task RunPassAsync(CancellationToken ct)
    {
        List<(long Id, string Payload)> pending;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
            pending = (await db.InboxItems.AsNoTracking()
                .Where(i => i.Channel == Channel.Messenger && i.ProcessedAt == null && i.Attempts < MessengerUpdateHandler.MaxAttempts)
                .OrderBy(i => i.Id)
                .Take(BatchSize)
                .Select(i => new { i.Id, i.Payload })
                .ToListAsync(ct))
                .Select(i => (i.Id, i.Payload))
                .ToList();
        }
        if (pending.Count == 0)
        {
            return;
        }

        var byResident = pending.GroupBy(i => SenderOf(i.Payload)).ToList();
        logger.LogInformation("Handling {Count} Messenger event(s) from {Residents} resident(s)", pending.Count, byResident.Count);
        await Parallel.ForEachAsync(byResident, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (group, token) =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetRequiredService<MessengerUpdateHandler>();
            foreach (var (id, _) in group)
            {
                if (!await handler.ProcessAsync(id, token))
                {
                    break;
                }
            }
        });

        if (pending.Count == BatchSize)
        {
            Signal();
        }
    }

    private static string SenderOf(string payload)
    {
        try
        {
            using var doc = JsonDocument.Parse(payload);
            return doc.RootElement.TryGetProperty("sender", out var s) && s.TryGetProperty("id", out var id) ? id.GetString() ?? "" : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }
}
