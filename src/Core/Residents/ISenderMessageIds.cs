using Hromada.Core.Proposals;

namespace Hromada.Core.Residents;

/// <summary>
/// A channel whose message ids carry who sent them (a web chat session's, a Messenger postback's) says how a sender's
/// ids begin, so that erasing a resident also deletes the dedup marks that name them. Channels whose ids name no one
/// (Telegram's update ids, Viber's tokens) register nothing.
/// </summary>
public interface ISenderMessageIds
{
    Channel Channel { get; }

    /// <summary>How every message id of <paramref name="sender"/> begins.</summary>
    string SenderPrefix(string sender);
}
