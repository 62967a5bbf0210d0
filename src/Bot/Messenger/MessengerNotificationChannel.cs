using Hromada.Core.Conversation;
using Hromada.Core.Notifications;
using Hromada.Core.Proposals;

namespace Hromada.Bot.Messenger;

/// <summary>
/// Pushes a notice to a Messenger resident, only inside the 24-hour window after their last message (messaging type
/// UPDATE). Outside it nothing is sent and the notice is <see cref="DeliveryOutcome.Held"/>: the engine hands it over
/// with the reply to the resident's next message.
/// </summary>
internal sealed class MessengerNotificationChannel(IServiceScopeFactory scopes, TimeProvider time, ILogger<MessengerNotificationChannel> logger)
    : INotificationChannel
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    public Channel Channel => Channel.Messenger;

    public async Task<DeliveryOutcome> PushAsync(string channelUserId, OutboundMessage message, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var residents = scope.ServiceProvider.GetRequiredService<MessengerResidents>();
        var resident = await residents.FindAsync(channelUserId, ct);
        if (resident is null)
        {
            logger.LogWarning("No Messenger resident {Psid} to push a notice to", channelUserId);
            return DeliveryOutcome.Failed;
        }
        if (resident.IsBlocked)
        {
            return DeliveryOutcome.Blocked;
        }
        if (resident.LastInboundAt is not { } last || time.GetUtcNow() - last > Window)
        {
            logger.LogInformation("Notice to Messenger resident {Psid} held: last message {Last}, outside the 24-hour window", channelUserId, resident.LastInboundAt);
            return DeliveryOutcome.Held;
        }

        var culture = await residents.CultureAsync(channelUserId, ct);
        var sender = scope.ServiceProvider.GetRequiredService<MessengerSender>();
        var (outcome, _) = await sender.SendAsync(channelUserId, [message], GraphApiClient.MessagingTypeUpdate, culture, ct);
        return outcome switch
        {
            SendOutcome.Sent => DeliveryOutcome.Delivered,
            SendOutcome.OutsideWindow => DeliveryOutcome.Held,
            SendOutcome.Blocked => DeliveryOutcome.Blocked,
            _ => DeliveryOutcome.Failed,
        };
    }
}
