using Hromada.Core.Proposals;
using Hromada.Core.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hromada.Core.Conversation;

/// <summary>
/// The engine as callers see it: each attempt at a turn runs in a scope (and a database context) of its own, so a
/// retry after a conflict starts from the stored state and can never drop changes a caller has pending.
/// </summary>
internal sealed class ConversationService(IServiceScopeFactory scopes, ILogger<ConversationService> logger) : IConversationEngine
{
    private const int MaxAttempts = 3;

    public async Task<ConversationReply> HandleAsync(InboundMessage message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        // Whatever the channel, control and bidi characters never reach the state, the proposals or the exports.
        message = message with { Text = TextSanitiser.Clean(message.Text) };
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                return await scope.ServiceProvider.GetRequiredService<ConversationEngine>().HandleOnceAsync(message, retry: attempt > 1, ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                // Another instance (or a redelivery) changed this resident meanwhile: read the state again and redo the message.
                logger.LogInformation("{Channel} resident {User} changed meanwhile; handling message {MessageId} again", message.Channel, message.ChannelUserId, message.MessageId);
            }
            catch (DbUpdateException ex) when (attempt < MaxAttempts && ex.InnerException is SqliteException { SqliteErrorCode: 19 })
            {
                // The same message or resident was just stored by another handler: the next attempt sees it.
                logger.LogInformation("{Channel} message {MessageId} raced another handler; handling it again", message.Channel, message.MessageId);
            }
        }
    }

    public async Task<ConversationReply> ResumeAsync(Channel channel, string channelUserId, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                return await scope.ServiceProvider.GetRequiredService<ConversationEngine>().ResumeAsync(channel, channelUserId, ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
            }
        }
    }
}
