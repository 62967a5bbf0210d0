using Hromada.Core.Inbox;
using Hromada.Core.Pipeline;
using Hromada.Core.Proposals;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hromada.Core.Conversation;

/// <summary>
/// A turn for a caller outside the inbox (tests, tools): decided and committed as the inbox handler does, with a
/// processed mark by message id instead of an inbox item's done-mark. A turn that finds the resident changed meanwhile
/// is decided again on the stored state.
/// </summary>
public sealed class ConversationTurns(IServiceScopeFactory scopes, ILogger<ConversationTurns> logger)
{
    /// <summary>A turn that lost the race for the resident is decided again at once, three tries in all.</summary>
    private static readonly RetryPolicy Conflicts = RetryPolicy.Immediately(3);

    public async Task<ConversationReply> HandleAsync(InboundMessage message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<TurnRunner>().RunAsync(message, ct);
            switch (result.Status)
            {
                case TurnCommitStatus.Committed:
                    return new ConversationReply(result.Replies);
                case TurnCommitStatus.Duplicate:
                    logger.LogInformation("{Channel} message {MessageId} was handled before; not answering again", message.Channel, message.MessageId);
                    return ConversationReply.Duplicate;
                case TurnCommitStatus.Conflict when !Conflicts.GivesUp(attempt):
                    logger.LogInformation("{Channel} resident {User} changed meanwhile; handling message {MessageId} again", message.Channel, message.ChannelUserId, message.MessageId);
                    continue;
                default:
                    throw new InvalidOperationException($"{message.Channel} message {message.MessageId} could not be committed ({result.Status}).", result.Error);
            }
        }
    }

    /// <summary>The current question again for a resident who comes back without saying anything (a reloaded web chat).</summary>
    public async Task<ConversationReply> ResumeAsync(Channel channel, string channelUserId, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var state = await scope.ServiceProvider.GetRequiredService<IPipelineStore>().LoadTurnAsync(channel, channelUserId, ct);
        return await scope.ServiceProvider.GetRequiredService<IConversationEngine>().ResumeAsync(state.Resident, channel, channelUserId, ct);
    }
}
