using System.Collections.Concurrent;
using Hromada.Core.Conversation;
using Hromada.Core.Proposals;

namespace Hromada.Bot.Tests.Messenger;

/// <summary>
/// A hand-written engine for adapter tests: records what the adapter hands over and answers through
/// <see cref="Reply"/> (by default "ви написали: …").
/// </summary>
public sealed class FakeConversationEngine : IConversationEngine
{
    private readonly ConcurrentQueue<InboundMessage> _received = new();

    public Func<InboundMessage, IReadOnlyList<OutboundMessage>> Reply { get; set; } =
        m => [new OutboundMessage($"ви написали: {m.Text ?? m.ChoiceValue ?? (m.UnsupportedAttachment ? "[вкладення]" : m.Contact?.PhoneNumber)}")];

    public IReadOnlyList<InboundMessage> Received => [.. _received];

    public int Resumes { get; private set; }

    public Task<ConversationReply> HandleAsync(InboundMessage message, CancellationToken ct = default)
    {
        _received.Enqueue(message);
        return Task.FromResult(new ConversationReply(Reply(message)));
    }

    public Task<ConversationReply> ResumeAsync(Channel channel, string channelUserId, CancellationToken ct = default)
    {
        Resumes++;
        return Task.FromResult(new ConversationReply([new OutboundMessage("поточне питання")]));
    }
}
