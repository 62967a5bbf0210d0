using Hromada.Core.Conversation;
using Hromada.Core.Proposals;

namespace Hromada.Core.Notifications;

/// <summary>How a notice pushed to a resident ended.</summary>
public enum DeliveryOutcome
{
    Delivered,

    /// <summary>Not allowed now (Messenger's 24-hour window): keep it and hand it over with the next reply.</summary>
    Held,

    /// <summary>The resident blocked the bot; the channel has marked them.</summary>
    Blocked,

    /// <summary>A failure that may pass; try again later.</summary>
    Failed,
}

/// <summary>A channel's way of pushing a message to a resident outside a conversation. Implemented by each channel adapter.</summary>
public interface INotificationChannel
{
    Channel Channel { get; }

    Task<DeliveryOutcome> PushAsync(string channelUserId, OutboundMessage message, CancellationToken ct);
}
