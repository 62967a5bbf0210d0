using Hromada.Core.Conversation;
using Hromada.Core.Notifications;
using Hromada.Core.Proposals;

namespace Hromada.Bot.WebChat;

/// <summary>
/// The web chat cannot push: a notice is held, and the engine hands it over the next time the resident's browser
/// opens the chat or sends a message.
/// </summary>
internal sealed class WebChatNotificationChannel : INotificationChannel
{
    public Channel Channel => Channel.WebChat;

    public Task<DeliveryOutcome> PushAsync(string channelUserId, OutboundMessage message, CancellationToken ct) =>
        Task.FromResult(DeliveryOutcome.Held);
}
