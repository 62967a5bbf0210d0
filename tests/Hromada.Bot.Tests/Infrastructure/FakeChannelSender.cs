using System.Collections.Concurrent;
using Hromada.Core.Outbox;
using Hromada.Core.Proposals;

namespace Hromada.Bot.Tests.Infrastructure;

/// <summary>
/// A channel sender that records what the dispatcher asked it to send and answers with scripted results (then "sent").
/// For admin tests that need a channel without standing up its fake platform.
/// </summary>
internal sealed class FakeChannelSender(Channel channel, params SendResult[] script) : IChannelSender
{
    private readonly ConcurrentQueue<SendResult> _script = new(script);

    public Channel Channel { get; } = channel;

    public PushLimits PushLimits { get; } = new(1000, TimeSpan.Zero);

    /// <summary>Every attempt, successful or not.</summary>
    public ConcurrentQueue<OutboxDelivery> Attempts { get; } = new();

    /// <summary>What went through: (recipient, text).</summary>
    public ConcurrentQueue<(string Recipient, string Text)> Sent { get; } = new();

    public Task<SendResult> SendAsync(OutboxDelivery delivery, CancellationToken ct)
    {
        Attempts.Enqueue(delivery);
        if (_script.TryDequeue(out var scripted))
        {
            return Task.FromResult(scripted);
        }
        foreach (var m in delivery.Messages.Skip(delivery.PartsSent))
        {
            Sent.Enqueue((delivery.Recipient, m.Text));
        }
        return Task.FromResult(SendResult.Sent(delivery.Messages.Count));
    }
}
