using System.Globalization;
using System.Text.Json;
using Hromada.Core.Inbox;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;
using Channel = Hromada.Core.Proposals.Channel;

namespace Hromada.Bot.Telegram;

/// <summary>
/// Polling mode: removes any webhook, then long-polls getUpdates. Every update is stored before the next getUpdates
/// call moves the offset past it (which is what acknowledges it to Telegram), so nothing acknowledged is lost. A failed
/// getUpdates is tried again under <see cref="TelegramRetry.Polling"/>, on the service's clock.
/// </summary>
internal sealed class TelegramPolling(
    ITelegramBotClient bot, TelegramRetry retry, InboxWriter inbox, TimeProvider time, ILogger<TelegramPolling> logger) : BackgroundService
{
    public static readonly UpdateType[] Handled = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.MyChatMember, UpdateType.EditedMessage];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await retry.RunAsync(t => bot.DeleteWebhook(dropPendingUpdates: false, cancellationToken: t), stoppingToken);
            var me = await retry.RunAsync(t => bot.GetMe(t), stoppingToken);
            logger.LogInformation("Telegram: polling for updates as @{Username}", me.Username);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Telegram: could not start polling (check Hromada:Telegram:Token and ApiBaseUrl); retrying");
        }

        int? offset = null;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                offset = await PollAsync(offset, stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                failures++;
                var wait = TelegramRetry.Polling.DelayAfter(failures, TelegramRetry.Transient(ex) ?? TimeSpan.Zero);
                logger.LogWarning(ex, "Telegram getUpdates failed ({Failures} in a row); trying again in {Wait}", failures, wait);
                try
                {
                    await Task.Delay(wait, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    /// <summary>One getUpdates; what it brings is stored, in update_id order (one commit), before the next acknowledges it.</summary>
    private async Task<int?> PollAsync(int? offset, CancellationToken ct)
    {
        var updates = await bot.GetUpdates(offset, limit: 100, timeout: 25, allowedUpdates: Handled, cancellationToken: ct);
        if (updates.Length == 0)
        {
            return offset;
        }
        await Task.WhenAll(updates.OrderBy(u => u.Id).Select(update =>
        {
            var inbound = TelegramAdapter.Parse(update);
            var id = update.Id.ToString(CultureInfo.InvariantCulture);
            return inbox.StoreAsync(Channel.Telegram, id, inbound.SenderKey, JsonSerializer.Serialize(update, JsonBotAPI.Options), inbound, ct: ct);
        }));
        return updates.Max(u => u.Id) + 1;
    }
}
