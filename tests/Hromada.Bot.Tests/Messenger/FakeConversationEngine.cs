using System.Collections.Concurrent;
using Hromada.Core.Conversation;
using Hromada.Core.Inbox;
using Hromada.Core.Outbox;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bot.Tests.Messenger;

/// <summary>
/// A hand-written engine for adapter tests: records what the adapter hands over and answers through
/// <see cref="Reply"/> (by default "ви написали: …"), keeping the engine's contract — the reply into the outbox and the
/// inbox item marked done, in one commit.
/// </summary>
public sealed class FakeConversationEngine : IConversationEngine
{
    private readonly ConcurrentQueue<InboundMessage> _received = new();
    private IServiceProvider? _services;

    public Func<InboundMessage, IReadOnlyList<OutboundMessage>> Reply { get; set; } =
        m => [new OutboundMessage($"ви написали: {m.Text ?? m.ChoiceValue ?? (m.UnsupportedAttachment ? "[вкладення]" : m.Contact?.PhoneNumber)}")];

    public IReadOnlyList<InboundMessage> Received => [.. _received];

    /// <summary>Awaited before a message is answered (a test holds one resident's message to see others go by).</summary>
    public Func<InboundMessage, Task> Before { get; set; } = _ => Task.CompletedTask;

    public int Resumes { get; private set; }

    /// <summary>Registers this engine in place of the real one.</summary>
    public void Register(IServiceCollection services) => services.AddSingleton<IConversationEngine>(sp =>
    {
        _services = sp;
        return this;
    });

    public async Task<ConversationReply> HandleAsync(InboundMessage message, CancellationToken ct = default)
    {
        await Before(message);
        _received.Enqueue(message);
        var replies = Reply(message);
        if (_services is not null)
        {
            await using var scope = _services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
            var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
            if (replies.Count > 0 || message.ReplyContext is not null)
            {
                outbox.Enqueue(new OutboxRequest(message.Channel, message.ChannelUserId, OutboxPurpose.Reply, replies)
                {
                    InboxItemId = message.InboxItemId,
                    ReplyContext = message.ReplyContext,
                });
            }
            if (message.InboxItemId is { } id)
            {
                InboxCompletion.MarkDone(db, id, scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow());
            }
            await db.SaveChangesAsync(ct);
            outbox.Signal();
        }
        return new ConversationReply(replies);
    }

    public Task<ConversationReply> ResumeAsync(Channel channel, string channelUserId, CancellationToken ct = default)
    {
        Resumes++;
        return Task.FromResult(new ConversationReply([new OutboundMessage("поточне питання")]));
    }
}
