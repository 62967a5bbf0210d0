using System.Collections.Concurrent;
using Hromada.Core.Conversation;
using Hromada.Core.Notifications;
using Hromada.Core.Proposals;

namespace Hromada.Bot.Tests.Admin;

/// <summary>A channel that records what it was asked to push and answers with a chosen outcome.</summary>
internal sealed class FakeNotificationChannel(Channel channel, DeliveryOutcome outcome = DeliveryOutcome.Delivered) : INotificationChannel
{
    public Channel Channel { get; } = channel;

    public ConcurrentQueue<(string UserId, string Text)> Pushed { get; } = new();

    public Task<DeliveryOutcome> PushAsync(string channelUserId, OutboundMessage message, CancellationToken ct)
    {
        Pushed.Enqueue((channelUserId, message.Text));
        return Task.FromResult(outcome);
    }
}
