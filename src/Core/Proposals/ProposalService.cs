using System.Globalization;
using Hromada.Core.Audit;
using Hromada.Core.Community;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hromada.Core.Proposals;

/// <summary>Receives proposals: flags, the reference number and the audit entry, in one transaction.</summary>
public sealed class ProposalService(
    HromadaDbContext db, AuditLog audit, CommunityClock clock, TimeProvider time, UnitOfWork unitOfWork, ILogger<ProposalService> logger)
{
    /// <summary>
    /// Stores a proposal and gives it the next reference number of its year. The counter is bumped by the
    /// transaction's first statement, so concurrent writers queue on the database's write lock instead of racing.
    /// When the caller owns the unit of work (<see cref="UnitOfWork.Defer"/>), the transaction stays open for the
    /// caller to commit with its own changes (the conversation engine's state and reply).
    /// </summary>
    public async Task<Proposal> SubmitAsync(NewProposal input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var consultation = await db.Consultations.SingleOrDefaultAsync(c => c.Id == input.ConsultationId, ct)
            ?? throw new InvalidOperationException($"Consultation {input.ConsultationId} does not exist.");

        var year = clock.ToLocal(input.ReceivedAt).Year;
        Proposal proposal;
        if (unitOfWork.Defer)
        {
            if (db.Database.CurrentTransaction is null)
            {
                await db.Database.BeginTransactionAsync(ct);
            }
            proposal = await InsertAsync(input, consultation, year, ct);
        }
        else
        {
            var strategy = db.Database.CreateExecutionStrategy();
            proposal = await strategy.ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var p = await InsertAsync(input, consultation, year, ct);
                await tx.CommitAsync(ct);
                return p;
            });
        }

        logger.LogInformation(
            "Proposal {Reference} received via {Channel} (late: {Late}, unidentified: {Unidentified})",
            proposal.Reference, proposal.Channel, proposal.IsLate, proposal.IsUnidentified);
        return proposal;
    }

    private async Task<Proposal> InsertAsync(NewProposal input, Consultations.Consultation consultation, int year, CancellationToken ct)
    {
        var number = (await db.Database
            .SqlQuery<int>($"INSERT INTO ReferenceCounters (Year, Last) VALUES ({year}, 1) ON CONFLICT(Year) DO UPDATE SET Last = Last + 1 RETURNING Last AS Value")
            .ToListAsync(ct)).Single();

        var socialGroups = input.SocialGroupIds.Count == 0
            ? []
            : await db.SocialGroups.Where(g => input.SocialGroupIds.Contains(g.Id)).ToListAsync(ct);

        var p = new Proposal
        {
            Reference = FormatReference(year, number),
            ConsultationId = consultation.Id,
            Channel = input.Channel,
            ResidentId = input.ResidentId,
            Language = input.Language,
            ReceivedAt = input.ReceivedAt,
            CreatedAt = time.GetUtcNow(),
            AuthorCategoryId = input.AuthorCategoryId,
            SocialGroups = socialGroups,
            BusinessKindId = input.BusinessKindId,
            SettlementId = input.SettlementId,
            ResidenceSettlementId = input.ResidenceSettlementId,
            UnlistedSettlement = Clean(input.UnlistedSettlement),
            SphereId = input.SphereId,
            TopicId = input.TopicId,
            OriginalSphereId = input.SphereId,
            OriginalTopicId = input.TopicId,
            OriginalSettlementId = input.SettlementId,
            Text = input.Text.Trim(),
            AuthorName = Clean(input.AuthorName),
            AuthorPhone = Clean(input.AuthorPhone),
            AuthorEmail = Clean(input.AuthorEmail),
            ConsentAt = input.ConsentAt,
            ConsentVersion = input.ConsentVersion,
            ExternalKey = input.ExternalKey,
            IsLate = consultation.IsLate(input.ReceivedAt),
            IsUnidentified = Proposal.ComputeUnidentified(input.AuthorName, input.AuthorPhone, input.AuthorEmail),
            Status = ProposalStatus.Received,
        };
        p.SearchText = Proposal.ToSearchText(p.Text, p.Reference, p.UnlistedSettlement);
        db.Proposals.Add(p);
        audit.Record(input.Actor, "Proposal", p.Reference, "Received", null, new
        {
            p.Channel,
            p.ReceivedAt,
            p.IsLate,
            p.IsUnidentified,
        });
        await db.SaveChangesAsync(ct);
        return p;
    }

    public static string FormatReference(int year, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"P-{year}-{number:D5}");

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
