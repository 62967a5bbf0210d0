using System.Collections.Concurrent;
using Hromada.Core.Conversation;
using Hromada.Core.Proposals;
using Hromada.Core.Residents;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bot.Tests.Messenger;

/// <summary>
/// A hand-written engine for adapter tests: records what the adapter hands over and decides to answer with
/// <see cref="Reply"/> (by default "ви написали: …"); the pipeline commits the reply and the inbox item's done-mark
/// together, as it does for the real engine.
/// </summary>
public sealed class FakeConversationEngine : IConversationEngine
{
    private readonly ConcurrentQueue<InboundMessage> _received = new();

    public Func<InboundMessage, IReadOnlyList<OutboundMessage>> Reply { get; set; } =
        m => [new OutboundMessage($"ви написали: {m.Text ?? m.ChoiceValue ?? (m.UnsupportedAttachment ? "[вкладення]" : m.Contact?.PhoneNumber)}")];

    public IReadOnlyList<InboundMessage> Received => [.. _received];

    /// <summary>Awaited before a message is answered (a test holds one resident's message to see others go by).</summary>
    public Func<InboundMessage, Task> Before { get; set; } = _ => Task.CompletedTask;

    public int Resumes { get; private set; }

    /// <summary>Registers this engine in place of the real one.</summary>
    public void Register(IServiceCollection services) => services.AddSingleton<IConversationEngine>(this);

    public async Task<TurnDecision> DecideAsync(TurnInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await Before(input.Message);
        _received.Enqueue(input.Message);
        return TurnDecision.Say(Reply(input.Message));
    }

    public Task<ConversationReply> ResumeAsync(Resident? resident, Channel channel, string channelUserId, CancellationToken ct = default)
    {
        Resumes++;
        return Task.FromResult(new ConversationReply([new OutboundMessage("поточне питання")]));
    }
}
