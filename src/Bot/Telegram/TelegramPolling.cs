using System.Globalization;
using System.Text.Json;
using Hromada.Core.Inbox;
using Polly;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;
using Channel = Hromada.Core.Proposals.Channel;

namespace Hromada.Bot.Telegram;

/// <summary>
/// Polling mode: removes any webhook, then long-polls getUpdates. Every update is stored before the next getUpdates
/// call moves the offset past it (which is what acknowledges it to Telegram), so nothing acknowledged is lost.
/// </summary>
internal sealed class TelegramPolling(
    ITelegramBotClient bot, TelegramPipeline pipeline, InboxWriter inbox, ILogger<TelegramPolling> logger) : BackgroundService
{
    public static readonly UpdateType[] Handled = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.MyChatMember, UpdateType.EditedMessage];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await pipeline.Value.ExecuteAsync(async t => await bot.DeleteWebhook(dropPendingUpdates: false, cancellationToken: t), stoppingToken);
            var me = await pipeline.Value.ExecuteAsync(async t => await bot.GetMe(t), stoppingToken);
            logger.LogInformation("Telegram: polling for updates as @{Username}", me.Username);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Telegram: could not start polling (check Hromada:Telegram:Token and ApiBaseUrl); retrying");
        }

        int? offset = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var updates = await bot.GetUpdates(offset, limit: 100, timeout: 25, allowedUpdates: Handled, cancellationToken: stoppingToken);
                if (updates.Length == 0)
                {
                    continue;
                }
                // In update_id order, all stored (one commit) before the next getUpdates acknowledges them.
                await Task.WhenAll(updates.OrderBy(u => u.Id).Select(update =>
                {
                    var inbound = TelegramAdapter.Parse(update);
                    var id = update.Id.ToString(CultureInfo.InvariantCulture);
                    return inbox.StoreAsync(Channel.Telegram, id, inbound.SenderKey, JsonSerializer.Serialize(update, JsonBotAPI.Options), inbound, ct: stoppingToken);
                }));
                offset = updates.Max(u => u.Id) + 1;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Telegram getUpdates failed; trying again shortly");
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }
}
