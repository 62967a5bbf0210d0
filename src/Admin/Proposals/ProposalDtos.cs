using Hromada.Core.Proposals;

namespace Hromada.Admin.Proposals;

public sealed record CatalogRef(string Code, string Label);

public sealed record AuthorDto(string? Name, string? Phone, string? Email, DateTimeOffset? ConsentAt, string? ConsentVersion, DateTimeOffset? AnonymisedAt);

public sealed record RouteDto(
    CatalogRef ReviewBody, DateOnly DueDate, bool IsOverdue, DateTimeOffset RoutedAt, string RoutedBy,
    ReviewStance? Stance, string? Justification, DateTimeOffset? PositionAt, string? PositionBy);

public sealed record DecisionDto(DecisionOutcome Outcome, string Justification, string? ProtocolNumber, DateOnly? ProtocolDate, DateTimeOffset? DecidedAt, string? DecidedBy);

public sealed record NoticeDto(string Kind, string State, DateTimeOffset CreatedAt, DateTimeOffset? DeliveredAt, string? HeldReason, int Attempts);

/// <summary>
/// One audit entry. <c>kind</c>/<c>version</c> name a typed event (its before/after bodies have enums by name); an entry
/// without a kind was written before the events were typed (ids and enum numbers as they were stored).
/// </summary>
public sealed record AuditDto(DateTimeOffset At, string Actor, string Action, string? Before, string? After, string? Kind = null, int Version = 0);

/// <summary>A proposal as the list shows it. <see cref="Author"/> is filled only for Admin keys.</summary>
public sealed record ProposalSummaryDto(
    string Reference, int ConsultationId, Channel Channel, DateTimeOffset ReceivedAt, ProposalStatus Status,
    CatalogRef Sphere, CatalogRef? Topic, CatalogRef? Settlement, CatalogRef? District, string? UnlistedSettlement,
    CatalogRef AuthorCategory, IReadOnlyList<CatalogRef> SocialGroups, CatalogRef? BusinessKind,
    string Text, bool IsLate, bool IsUnidentified, string? DuplicateOf, bool IsOffTopic, DecisionOutcome? Outcome, int Version,
    AuthorDto? Author, string ReceiptPath = "", string? PublicTextHiddenReason = null);

/// <summary>
/// One proposal with its whole history. <c>suggestedReviewBodies</c>: the bodies whose configured spheres include
/// the proposal's sphere (routing by sphere).
/// </summary>
public sealed record ProposalDetailsDto(
    ProposalSummaryDto Proposal, CatalogRef? OriginalSphere, CatalogRef? OriginalTopic, CatalogRef? OriginalSettlement,
    IReadOnlyList<RouteDto> Routes, DecisionDto? Decision, IReadOnlyList<NoticeDto> Notices, IReadOnlyList<AuditDto> History,
    IReadOnlyList<CatalogRef> SuggestedReviewBodies);

/// <summary>The references a bulk change reached, did not find, or lost to a concurrent writer.</summary>
public sealed record BulkResult(IReadOnlyList<string> Done, IReadOnlyList<string> NotFound, IReadOnlyList<string> Conflicts);

internal static class ProposalMapping
{
    public static CatalogRef? Ref(Hromada.Core.Catalogs.CatalogItem? item) => item is null ? null : new CatalogRef(item.Code, item.Label);

    public static ProposalSummaryDto ToSummary(Proposal p, bool includePersonal) => new(
        p.Reference, p.ConsultationId, p.Channel, p.ReceivedAt, p.Status,
        Ref(p.Sphere)!, Ref(p.Topic), Ref(p.Settlement), Ref(p.Settlement?.District), p.UnlistedSettlement,
        Ref(p.AuthorCategory)!, p.SocialGroups.OrderBy(g => g.SortOrder).Select(g => Ref(g)!).ToList(), Ref(p.BusinessKind),
        p.Text, p.IsLate, p.IsUnidentified, p.DuplicateOfReference, p.IsOffTopic, p.Outcome, p.Version,
        includePersonal ? new AuthorDto(p.AuthorName, p.AuthorPhone, p.AuthorEmail, p.ConsentAt, p.ConsentVersion, p.AnonymisedAt) : null,
        Core.Receipts.ReceiptLinks.Path(p.Reference, p.ReceiptCode), p.PublicTextHiddenReason);
}
