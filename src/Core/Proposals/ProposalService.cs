using System.Globalization;
using Hromada.Core.Audit;
using Hromada.Core.Community;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Proposals;

/// <summary>Receives proposals: flags, the reference number and the audit entry, in one transaction.</summary>
public sealed class ProposalService(
    HromadaDbContext db, AuditLog audit, CommunityClock clock, TimeProvider time, IOptions<CommunityOptions> community,
    ILogger<ProposalService> logger)
{
    /// <summary>
    /// Stores a proposal and gives it the next reference number of its year. The counter is bumped by the
    /// transaction's first statement, so concurrent writers queue on the database's write lock instead of racing.
    /// </summary>
    public Task<Proposal> SubmitAsync(NewProposal input, CancellationToken ct = default) => SubmitAsync(input, null, ct);

    /// <summary>
    /// The same, with <paramref name="alongside"/> adding rows that must commit with the proposal or not at all (the
    /// receipt e-mail of a proposal the secretary entered): it is called with the stored proposal inside the
    /// transaction and returns whether it added anything.
    /// </summary>
    public async Task<Proposal> SubmitAsync(NewProposal input, Func<Proposal, bool>? alongside, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var consultation = await db.Consultations.SingleOrDefaultAsync(c => c.Id == input.ConsultationId, ct)
            ?? throw new InvalidOperationException($"Consultation {input.ConsultationId} does not exist.");
        var year = clock.ToLocal(input.ReceivedAt).Year;
        var strategy = db.Database.CreateExecutionStrategy();
        var proposal = await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var p = await InsertAsync(input, consultation, year, ct);
            if (alongside?.Invoke(p) == true)
            {
                await db.SaveChangesAsync(ct);
            }
            await tx.CommitAsync(ct);
            return p;
        });
        Log(proposal);
        return proposal;
    }

    private void Log(Proposal proposal) => LogReceived(logger, proposal);

    internal static void LogReceived(ILogger logger, Proposal proposal) =>
        logger.LogInformation(
            "Proposal {Reference} received via {Channel} (late: {Late}, unidentified: {Unidentified})",
            proposal.Reference, proposal.Channel, proposal.IsLate, proposal.IsUnidentified);

    private async Task<Proposal> InsertAsync(NewProposal input, Consultations.Consultation consultation, int year, CancellationToken ct)
    {
        var number = (await db.Database
            .SqlQuery<int>($"INSERT INTO \"ReferenceCounters\" (\"Year\", \"Last\") VALUES ({year}, 1) ON CONFLICT (\"Year\") DO UPDATE SET \"Last\" = \"ReferenceCounters\".\"Last\" + 1 RETURNING \"Last\" AS \"Value\"")
            .ToListAsync(ct)).Single();

        var socialGroups = input.SocialGroupIds.Count == 0
            ? []
            : await db.SocialGroups.Where(g => input.SocialGroupIds.Contains(g.Id)).ToListAsync(ct);

        var p = Build(WithLanguage(input), consultation.IsLate(input.ReceivedAt), FormatReference(year, number), time.GetUtcNow(), socialGroups);
        db.Proposals.Add(p);
        audit.Record(input.Actor, p.Reference, ProposalReceived.Of(p));
        await db.SaveChangesAsync(ct);
        return p;
    }

    public static string FormatReference(int year, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"P-{year}-{number:D5}");

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Proposals stored per transaction by <see cref="SubmitManyAsync"/>: short enough not to hold up the chat.</summary>
    public const int BatchSize = 1000;

    /// <summary>
    /// Stores many proposals (an import) as <see cref="SubmitAsync(NewProposal, CancellationToken)"/> would one by one — reference numbers of each
    /// proposal's year in the order given, the same flags, one audit entry each — but in transactions of
    /// <see cref="BatchSize"/>, each reserving its numbers with one statement per year (or all in the caller's transaction,
    /// when one is open). Returns the references in input order.
    /// </summary>
    public async Task<IReadOnlyList<string>> SubmitManyAsync(IReadOnlyList<NewProposal> inputs, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var consultationIds = inputs.Select(i => i.ConsultationId).Distinct().ToList();
        var consultations = await db.Consultations.AsNoTracking().Where(c => consultationIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        if (consultationIds.FirstOrDefault(id => !consultations.ContainsKey(id)) is var missing and not 0)
        {
            throw new InvalidOperationException($"Consultation {missing} does not exist.");
        }
        var groupIds = inputs.SelectMany(i => i.SocialGroupIds).Distinct().ToList();
        var groups = await db.SocialGroups.Where(g => groupIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, ct);

        var references = new List<string>(inputs.Count);
        foreach (var batch in inputs.Chunk(BatchSize))
        {
            references.AddRange(await SubmitBatchAsync(batch, consultations, groups, ct));
        }
        if (references.Count > 0)
        {
            logger.LogInformation("{Count} proposals received in a batch: {First} … {Last}", references.Count, references[0], references[^1]);
        }
        return references;
    }

    private async Task<List<string>> SubmitBatchAsync(
        NewProposal[] batch, Dictionary<int, Consultations.Consultation> consultations, Dictionary<int, Catalogs.SocialGroup> groups, CancellationToken ct)
    {
        var tracked = db.ChangeTracker.Entries().Select(e => e.Entity).ToHashSet(ReferenceEqualityComparer.Instance);
        var years = batch.Select(i => clock.ToLocal(i.ReceivedAt).Year).ToArray();
        var strategy = db.Database.CreateExecutionStrategy();
        var references = await strategy.ExecuteAsync(async () =>
        {
            // Inside the caller's transaction when there is one (an import stored all or nothing), else one per batch.
            await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            var next = new Dictionary<int, int>();
            foreach (var (year, count) in years.CountBy(y => y))
            {
                var last = (await db.Database
                    .SqlQuery<int>($"INSERT INTO \"ReferenceCounters\" (\"Year\", \"Last\") VALUES ({year}, {count}) ON CONFLICT (\"Year\") DO UPDATE SET \"Last\" = \"ReferenceCounters\".\"Last\" + {count} RETURNING \"Last\" AS \"Value\"")
                    .ToListAsync(ct)).Single();
                next[year] = last - count + 1;
            }

            var now = time.GetUtcNow();
            var stored = new List<string>(batch.Length);
            for (var i = 0; i < batch.Length; i++)
            {
                var p = Build(WithLanguage(batch[i]), consultations[batch[i].ConsultationId].IsLate(batch[i].ReceivedAt), FormatReference(years[i], next[years[i]]++), now,
                    batch[i].SocialGroupIds.Select(id => groups[id]).ToList());
                db.Proposals.Add(p);
                audit.Record(batch[i].Actor, p.Reference, ProposalReceived.Of(p));
                stored.Add(p.Reference);
            }
            await db.SaveChangesAsync(ct);
            if (tx is not null)
            {
                await tx.CommitAsync(ct);
            }
            return stored;
        });

        // What this batch added is written; tracking it would make every later batch's change detection slower.
        // Only what the batch added is let go: the caller's own entities stay tracked. The proposals go last: detached
        // before their social-group links, they leave the links' fix-up to scan every proposal imported so far.
        var added = db.ChangeTracker.Entries()
            .Where(e => !tracked.Contains(e.Entity) && e.Entity is Proposal or Audit.AuditEntry or Dictionary<string, object>)
            .OrderBy(e => e.Entity is Proposal)
            .ToList();
        foreach (var entry in added)
        {
            entry.State = EntityState.Detached;
        }
        return references;
    }

    /// <summary>A proposal nobody chose a language for (intake, import) is in the hromada's language.</summary>
    private NewProposal WithLanguage(NewProposal input) =>
        input.Language is null ? input with { Language = community.Value.DefaultCulture } : input;

    /// <summary>The row of a new proposal: its flags, the search text, the resident's answers kept as the originals.</summary>
    internal static Proposal Build(NewProposal input, bool isLate, string reference, DateTimeOffset now, List<Catalogs.SocialGroup> socialGroups)
    {
        var p = new Proposal
        {
            Reference = reference,
            ReceiptCode = Receipts.ReceiptLinks.NewCode(),
            ConsultationId = input.ConsultationId,
            Channel = input.Channel,
            ResidentId = input.ResidentId,
            Language = input.Language ?? throw new ArgumentException("A proposal's language is settled before its row is built.", nameof(input)),
            ReceivedAt = input.ReceivedAt,
            CreatedAt = now,
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
            IsLate = isLate,
            IsUnidentified = Proposal.ComputeUnidentified(input.AuthorName, input.AuthorPhone, input.AuthorEmail),
            Status = ProposalStatus.Received,
        };
        p.SearchText = Proposal.ToSearchText(p.Text, p.Reference, p.UnlistedSettlement);
        return p;
    }
}
