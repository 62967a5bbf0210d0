using Hromada.Core.Proposals;
using Hromada.Core.Text;

namespace Hromada.Core.Residents;

/// <summary>A resident as known in one chat channel, with their consent, subscription and conversation state.</summary>
public sealed class Resident
{
    public int Id { get; set; }
    public Channel Channel { get; set; }

    /// <summary>The channel's id for this person: Telegram chat id, Messenger PSID, web chat session id.</summary>
    public string ChannelUserId { get; set; } = "";

    public string Language { get; set; } = Ukrainian.Name;
    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ConsentAt { get; set; }
    public string? ConsentVersion { get; set; }

    /// <summary>Subscribed to the consultation's news (the announcement list).</summary>
    public bool IsSubscribed { get; set; }
    public DateTimeOffset? SubscribedAt { get; set; }

    /// <summary>The resident blocked the bot; nothing is pushed until they come back.</summary>
    public bool IsBlocked { get; set; }

    /// <summary>Last message from the resident (Messenger's 24-hour window is counted from it).</summary>
    public DateTimeOffset? LastInboundAt { get; set; }

    /// <summary>Start of the current rate-limit minute and the messages counted in it.</summary>
    public DateTimeOffset? RateWindowStart { get; set; }
    public int RateWindowCount { get; set; }
    public bool RateNoticeSent { get; set; }

    /// <summary>Where the resident said they live, offered again for their next proposal.</summary>
    public int? ResidenceSettlementId { get; set; }

    /// <summary>Where the resident is in the conversation (engine-defined step name).</summary>
    public string ConversationStep { get; set; } = "";

    /// <summary>Answers given so far in the current submission, as JSON owned by the engine.</summary>
    public string? ConversationData { get; set; }

    public int Version { get; set; }

    /// <summary>A copy to decide a turn on, so the state read stays as it was.</summary>
    public Resident Copy() => (Resident)MemberwiseClone();
}

/// <summary>An inbound message id already handled, so a redelivered message is answered once.</summary>
public sealed class ProcessedMessage
{
    public long Id { get; set; }
    public Channel Channel { get; set; }
    public string MessageId { get; set; } = "";
    public DateTimeOffset ProcessedAt { get; set; }
}
