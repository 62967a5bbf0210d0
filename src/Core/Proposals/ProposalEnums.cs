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
