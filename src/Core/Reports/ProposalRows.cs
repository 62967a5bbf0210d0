using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Hromada.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Core.Reports;

/// <summary>A review body's route and position, flattened for a table.</summary>
public sealed record RouteRow(string ReviewBody, DateOnly DueDate, DateTimeOffset RoutedAt, ReviewStance? Stance, string? Justification);

/// <summary>
/// One proposal flattened for an export or a report table: catalog labels instead of ids, the consultation's title,
/// text cleaned of characters a spreadsheet or document cannot hold. The author's name and contacts are filled only
/// when they were asked for.
/// </summary>
public sealed record ProposalRow
{
    public required int Id { get; init; }
    public required string Reference { get; init; }
    public required string Consultation { get; init; }
    public required Channel Channel { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public required ProposalStatus Status { get; init; }
    public required bool IsLate { get; init; }
    public required bool IsUnidentified { get; init; }
    public required string DuplicateOf { get; init; }
    public required bool IsOffTopic { get; init; }
    public required string AuthorCategory { get; init; }
    public required string SocialGroups { get; init; }
    public required string BusinessKind { get; init; }
    public required string District { get; init; }
    public required string Settlement { get; init; }
    public required string UnlistedSettlement { get; init; }
    public required string ResidenceSettlement { get; init; }
    public required string Sphere { get; init; }
    public required string Topic { get; init; }
    public required string Text { get; init; }
    public required IReadOnlyList<RouteRow> Routes { get; init; }
    public required DecisionOutcome? Outcome { get; init; }
    public required string Justification { get; init; }
    public required string ProtocolNumber { get; init; }
    public required DateOnly? ProtocolDate { get; init; }
    public string AuthorName { get; init; } = "";
    public string AuthorPhone { get; init; } = "";
    public string AuthorEmail { get; init; } = "";
    public DateTimeOffset? ConsentAt { get; init; }
}

/// <summary>
/// Streams proposals as <see cref="ProposalRow"/>s in id order, a batch at a time (narrow projections, no tracking,
/// catalogs looked up in memory), so an export of 100,000 proposals holds one batch in memory, not all of them.
/// </summary>
public sealed class ProposalRowReader(HromadaDbContext db)
{
    public const int BatchSize = 1000;

    public async IAsyncEnumerable<ProposalRow> ReadAsync(IQueryable<Proposal> proposals, bool personal,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(proposals);
        var catalogs = await ReportCatalogs.LoadAsync(db, ct);
        var consultations = await db.Consultations.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Title, ct);
        var lastId = 0;
        while (true)
        {
            var from = lastId;
            var batch = await proposals.AsNoTracking().Where(p => p.Id > from).OrderBy(p => p.Id).Take(BatchSize).Select(p => new
            {
                p.Id, p.Reference, p.ConsultationId, p.Channel, p.ReceivedAt, p.Status, p.IsLate, p.IsUnidentified, p.DuplicateOfReference,
                p.IsOffTopic, p.AuthorCategoryId, p.BusinessKindId, p.SettlementId, p.UnlistedSettlement, p.ResidenceSettlementId,
                p.SphereId, p.TopicId, p.Text, p.Outcome, p.Justification, p.ProtocolNumber, p.ProtocolDate,
                AuthorName = personal ? p.AuthorName : null,
                AuthorPhone = personal ? p.AuthorPhone : null,
                AuthorEmail = personal ? p.AuthorEmail : null,
                ConsentAt = personal ? p.ConsentAt : null,
            }).ToListAsync(ct);
            if (batch.Count == 0)
            {
                yield break;
            }
            int first = batch[0].Id, last = batch[^1].Id;
            var groups = (await db.Proposals.AsNoTracking().Where(p => p.Id >= first && p.Id <= last)
                    .SelectMany(p => p.SocialGroups, (p, g) => new { p.Id, GroupId = g.Id }).ToListAsync(ct))
                .ToLookup(x => x.Id, x => x.GroupId);
            var routes = (await db.ProposalRoutes.AsNoTracking().Where(r => r.ProposalId >= first && r.ProposalId <= last)
                    .Select(r => new { r.ProposalId, r.ReviewBodyId, r.DueDate, r.RoutedAt, r.Stance, r.PositionJustification })
                    .ToListAsync(ct))
                .ToLookup(r => r.ProposalId);

            foreach (var p in batch)
            {
                var settlement = p.SettlementId is { } sid ? catalogs.Settlements.GetValueOrDefault(sid) : null;
                var home = p.ResidenceSettlementId is { } hid ? catalogs.Settlements.GetValueOrDefault(hid) : null;
                yield return new ProposalRow
                {
                    Id = p.Id,
                    Reference = p.Reference,
                    Consultation = Clean(consultations.GetValueOrDefault(p.ConsultationId)),
                    Channel = p.Channel,
                    ReceivedAt = p.ReceivedAt,
                    Status = p.Status,
                    IsLate = p.IsLate,
                    IsUnidentified = p.IsUnidentified,
                    DuplicateOf = Clean(p.DuplicateOfReference),
                    IsOffTopic = p.IsOffTopic,
                    AuthorCategory = catalogs.Categories.GetValueOrDefault(p.AuthorCategoryId)?.Label ?? "",
                    SocialGroups = string.Join("; ", groups[p.Id].Select(g => catalogs.SocialGroups.GetValueOrDefault(g))
                        .Where(g => g is not null).OrderBy(g => g!.SortOrder).Select(g => g!.Label)),
                    BusinessKind = p.BusinessKindId is { } bk ? catalogs.BusinessKinds.GetValueOrDefault(bk)?.Label ?? "" : "",
                    District = settlement is null ? "" : catalogs.Districts.GetValueOrDefault(settlement.DistrictId)?.Label ?? "",
                    Settlement = settlement?.DisplayName ?? "",
                    UnlistedSettlement = Clean(p.UnlistedSettlement),
                    ResidenceSettlement = home?.DisplayName ?? "",
                    Sphere = catalogs.Spheres.GetValueOrDefault(p.SphereId)?.Label ?? "",
                    Topic = p.TopicId is { } tid ? catalogs.Topics.GetValueOrDefault(tid)?.Label ?? "" : "",
                    Text = Clean(p.Text),
                    Routes = routes[p.Id].OrderBy(r => r.RoutedAt).Select(r => new RouteRow(
                        catalogs.ReviewBodies.GetValueOrDefault(r.ReviewBodyId)?.Label ?? "", r.DueDate, r.RoutedAt, r.Stance,
                        TextSanitiser.Clean(r.PositionJustification))).ToList(),
                    Outcome = p.Outcome,
                    Justification = Clean(p.Justification),
                    ProtocolNumber = Clean(p.ProtocolNumber),
                    ProtocolDate = p.ProtocolDate,
                    AuthorName = Clean(p.AuthorName),
                    AuthorPhone = Clean(p.AuthorPhone),
                    AuthorEmail = Clean(p.AuthorEmail),
                    ConsentAt = p.ConsentAt,
                };
            }
            if (batch.Count < BatchSize)
            {
                yield break;
            }
            lastId = last;
        }
    }

    private static string Clean(string? value) => TextSanitiser.Clean(value) ?? "";
}
