namespace Hromada.Core.Proposals;

/// <summary>Канал надходження.</summary>
public enum Channel
{
    Telegram,
    Messenger,
    WebChat,
    Paper,
    Email,
    GoogleForm,
    Reception,
    Cnap,
    Viber,

    /// <summary>Outgoing only: the hromada's Instagram account, where announcements are published as picture cards.</summary>
    Instagram,
}

/// <summary>Where a proposal stands in the procedure.</summary>
public enum ProposalStatus
{
    Received,
    Routed,
    Decided,
}

/// <summary>Рішення робочої групи.</summary>
public enum DecisionOutcome
{
    Accepted,
    PartiallyAccepted,
    Rejected,
}

/// <summary>Позиція підгрупи.</summary>
public enum ReviewStance
{
    Support,
    Partial,
    Reject,
}
