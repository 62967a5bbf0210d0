using System.Globalization;
using Hromada.Core.Conversation;
using Hromada.Core.Notifications;
using Hromada.Core.Proposals;
using Hromada.Core.Resources;

namespace Hromada.Bot.Telegram;

/// <summary>Pushes a notice (a decision) to a resident's private chat.</summary>
internal sealed class TelegramNotificationChannel(TelegramSender sender, ILogger<TelegramNotificationChannel> logger) : INotificationChannel
{
    public Channel Channel => Channel.Telegram;

    public async Task<DeliveryOutcome> PushAsync(string channelUserId, OutboundMessage message, CancellationToken ct)
    {
        if (!long.TryParse(channelUserId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var chatId))
        {
            return DeliveryOutcome.Failed;
        }
        try
        {
            return await sender.SendAsync(chatId, [message], Texts.Get("Telegram_ShareContact", CultureInfo.GetCultureInfo("uk-UA")), ct)
                ? DeliveryOutcome.Delivered
                : DeliveryOutcome.Blocked;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Telegram notice to chat {ChatId} failed", chatId);
            return DeliveryOutcome.Failed;
        }
    }
}
