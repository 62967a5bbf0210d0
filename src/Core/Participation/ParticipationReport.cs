using Hromada.Core.Reports;

namespace Hromada.Core.Participation;

/// <summary>Proposals of one way of arrival; <see cref="Electronic"/> tells chats, web chat, e-mail and forms from paper and in person.</summary>
public sealed record ChannelFigure(string Code, string Label, bool Electronic, int Proposals);

/// <summary>Proposals by way of arrival and the share that came electronically (null when none came).</summary>
public sealed record ProposalFigures(int Total, int Electronic, int PaperOrInPerson, double? ElectronicSharePercent, IReadOnlyList<ChannelFigure> ByChannel);

/// <summary>
/// Distinct chat residents: who wrote to the bot (any message or button), who submitted a proposal, who subscribed to
/// the news, in the period.
/// </summary>
public sealed record ResidentFigures(int Wrote, int Submitted, int Subscribed);

/// <summary>
/// One announcement target's deliveries: announcements sent to it, deliveries the platform accepted, those still waiting
/// (pending, or held for the resident's next message) and those not delivered (failed, blocked, skipped).
/// </summary>
public sealed record TargetReach(string Target, string Label, int Announcements, int Delivered, int Waiting, int NotDelivered);

/// <summary>
/// Announcements started in the period and their reach: <see cref="Residents"/> is the distinct subscribers at least one
/// reached; <see cref="PublicPosts"/> the channel and Page posts (their readers are counted by the platform, not here).
/// </summary>
public sealed record ReachFigures(int Announcements, int Residents, int PublicPosts, IReadOnlyList<TargetReach> ByTarget);

public sealed record ParticipationFigures(ProposalFigures Proposals, ResidentFigures Residents, ReachFigures Reach);

/// <summary>One calendar month (local dates, clipped to the report's period).</summary>
public sealed record ParticipationMonth(string Month, DateOnly From, DateOnly To, ParticipationFigures Figures);

/// <summary>A figure beside its target: <see cref="Met"/> when the measured value reaches it.</summary>
public sealed record TargetCheck(string Code, string Label, double Measured, double Target, double? TargetUpTo, bool Met);

/// <summary>
/// The IT strategy's participation figures for one consultation: over its period (from its opening to its closing, or
/// today) and per month, with the configured targets.
/// </summary>
public sealed record ParticipationReport(
    ConsultationRef Consultation, DateOnly From, DateOnly To, SubscriberCount SubscribersNow, ParticipationFigures Total,
    IReadOnlyList<TargetCheck> Targets, IReadOnlyList<ParticipationMonth> Months);

/// <summary>Residents subscribed to the news right now (not counting those who blocked the bot).</summary>
public sealed record SubscriberCount(int Total);
