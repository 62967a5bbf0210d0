using Hromada.Core.Conversation;
using Hromada.Core.Pipeline;
using Hromada.Core.Text;

namespace Hromada.Core.Inbox;

/// <summary>One turn: the stored state read (with other residents', <see cref="TurnLoader"/>), the engine's decision, the group commit.</summary>
internal sealed class TurnRunner(TurnLoader loader, IConversationEngine engine, TurnCommitter committer, TimeProvider time)
{
    public async Task<TurnCommitResult> RunAsync(InboundMessage message, CancellationToken ct)
    {
        // Whatever the channel, control and bidi characters never reach the state, the proposals or the exports.
        message = message with { Text = TextSanitiser.Clean(message.Text) };
        var state = await loader.LoadAsync(new TurnKey(message.Channel, message.ChannelUserId), ct);
        var now = time.GetUtcNow();
        var decision = await engine.DecideAsync(new TurnInput(state.Resident, message, now) { Held = state.Held }, ct);
        return await committer.CommitAsync(new TurnCommit(message, decision, now) { ResidentId = state.Resident?.Id }, ct);
    }
}
