using System.Data.Common;
using System.Globalization;
using Hromada.Core.Audit;
using Hromada.Core.Consultations;
using Hromada.Core.Proposals;

namespace Hromada.Core.Pipeline;

/// <summary>
/// A submission as a turn's effect, in a handful of statements on the group commit's transaction: the consultation's
/// deadline, the year's reference counter, the proposal (SQLite's full-text index follows it by trigger), its social
/// groups, the audit entry. The row is built by <see cref="ProposalService.Build"/>, as the admin's intake builds it;
/// no change tracking. Each statement is prepared once per batch.
/// </summary>
internal sealed class SubmissionWriter(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
{
    private const string ProposalColumns =
        "\"Reference\", \"ConsultationId\", \"Channel\", \"ResidentId\", \"Language\", \"ReceiptCode\", \"ReceivedAt\", \"CreatedAt\", " +
        "\"AuthorCategoryId\", \"BusinessKindId\", \"SettlementId\", \"ResidenceSettlementId\", \"UnlistedSettlement\", \"SphereId\", \"TopicId\", " +
        "\"OriginalSphereId\", \"OriginalTopicId\", \"OriginalSettlementId\", \"Text\", \"AuthorName\", \"AuthorPhone\", \"AuthorEmail\", " +
        "\"ConsentAt\", \"ConsentVersion\", \"IsLate\", \"IsUnidentified\", \"IsOffTopic\", \"Status\", \"SearchText\", \"ExternalKey\", \"Version\"";

    private static readonly string[] ProposalParameters =
    [
        "@reference", "@consultation", "@channel", "@resident", "@language", "@receipt", "@received", "@created",
        "@category", "@business", "@settlement", "@residence", "@unlisted", "@sphere", "@topic",
        "@originalSphere", "@originalTopic", "@originalSettlement", "@text", "@name", "@phone", "@email",
        "@consentAt", "@consentVersion", "@late", "@unidentified", "@offTopic", "@status", "@search", "@external", "@version",
    ];

    /// <summary>The typed <see cref="ProposalReceived"/> entry, as <see cref="AuditLog.Record"/> writes it: its kind, version and action are constants.</summary>
    private const string AuditInsert =
        "INSERT INTO \"AuditEntries\" (\"At\", \"Actor\", \"EntityType\", \"EntityKey\", \"Action\", \"Kind\", \"Version\", \"Before\", \"After\") " +
        "VALUES (@at, @actor, '" + ProposalReceived.Entity + "', @key, '" + ProposalReceived.Received + "', '" + ProposalReceived.Name + "', 1, NULL, @after)";

    private readonly PreparedCommands _statements = new(connection, transaction);
    private DbCommand? _deadline;
    private DbCommand? _counter;
    private DbCommand? _proposal;
    private DbCommand? _group;
    private DbCommand? _audit;

    /// <summary>Stores the proposal with the next reference number of its year (local time) and returns it.</summary>
    public async Task<Proposal> SubmitAsync(NewProposal input, int year, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        _deadline ??= Prepare("SELECT \"Deadline\" FROM \"Consultations\" WHERE \"Id\" = @id", "@id");
        Sql.Set(_deadline, "@id", input.ConsultationId);
        var deadline = await _deadline.ExecuteScalarAsync(ct) as string
            ?? throw new InvalidOperationException($"Consultation {input.ConsultationId} does not exist.");
        var consultation = new Consultation { Id = input.ConsultationId, Deadline = Sql.Instant(deadline) };

        _counter ??= Prepare(
            "INSERT INTO \"ReferenceCounters\" (\"Year\", \"Last\") VALUES (@year, 1) " +
            "ON CONFLICT (\"Year\") DO UPDATE SET \"Last\" = \"ReferenceCounters\".\"Last\" + 1 RETURNING \"Last\"", "@year");
        Sql.Set(_counter, "@year", year);
        var number = Convert.ToInt32(await _counter.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);

        var p = ProposalService.Build(input, consultation.IsLate(input.ReceivedAt), ProposalService.FormatReference(year, number), now, []);
        p.Id = await InsertProposalAsync(p, ct);

        if (input.SocialGroupIds.Count > 0)
        {
            // A group the catalog no longer has is left out, as the intake through EF Core leaves it out.
            _group ??= Prepare(
                "INSERT INTO \"ProposalSocialGroups\" (\"ProposalId\", \"SocialGroupsId\") " +
                "SELECT @proposal, \"Id\" FROM \"SocialGroups\" WHERE \"Id\" = @group", "@proposal", "@group");
            Sql.Set(_group, "@proposal", p.Id);
            foreach (var group in input.SocialGroupIds.Distinct())
            {
                Sql.Set(_group, "@group", group);
                await _group.ExecuteNonQueryAsync(ct);
            }
        }

        _audit ??= Prepare(AuditInsert, "@at", "@actor", "@key", "@after");
        Sql.Set(_audit, "@at", Sql.Text(now));
        Sql.Set(_audit, "@actor", input.Actor);
        Sql.Set(_audit, "@key", p.Reference);
        Sql.Set(_audit, "@after", AuditEvents.Write(ProposalReceived.Of(p).After));
        await _audit.ExecuteNonQueryAsync(ct);
        return p;
    }

    private async Task<int> InsertProposalAsync(Proposal p, CancellationToken ct)
    {
        _proposal ??= Prepare(
            $"INSERT INTO \"Proposals\" ({ProposalColumns}) VALUES ({string.Join(", ", ProposalParameters)}) RETURNING \"Id\"",
            ProposalParameters);
        var c = _proposal;
        Sql.Set(c, "@reference", p.Reference);
        Sql.Set(c, "@consultation", p.ConsultationId);
        Sql.Set(c, "@channel", p.Channel.ToString());
        Sql.Set(c, "@resident", p.ResidentId);
        Sql.Set(c, "@language", p.Language);
        Sql.Set(c, "@receipt", p.ReceiptCode);
        Sql.Set(c, "@received", Sql.Text(p.ReceivedAt));
        Sql.Set(c, "@created", Sql.Text(p.CreatedAt));
        Sql.Set(c, "@category", p.AuthorCategoryId);
        Sql.Set(c, "@business", p.BusinessKindId);
        Sql.Set(c, "@settlement", p.SettlementId);
        Sql.Set(c, "@residence", p.ResidenceSettlementId);
        Sql.Set(c, "@unlisted", p.UnlistedSettlement);
        Sql.Set(c, "@sphere", p.SphereId);
        Sql.Set(c, "@topic", p.TopicId);
        Sql.Set(c, "@originalSphere", p.OriginalSphereId);
        Sql.Set(c, "@originalTopic", p.OriginalTopicId);
        Sql.Set(c, "@originalSettlement", p.OriginalSettlementId);
        Sql.Set(c, "@text", p.Text);
        Sql.Set(c, "@name", p.AuthorName);
        Sql.Set(c, "@phone", p.AuthorPhone);
        Sql.Set(c, "@email", p.AuthorEmail);
        Sql.Set(c, "@consentAt", Sql.Text(p.ConsentAt));
        Sql.Set(c, "@consentVersion", p.ConsentVersion);
        Sql.Set(c, "@late", p.IsLate);
        Sql.Set(c, "@unidentified", p.IsUnidentified);
        Sql.Set(c, "@offTopic", p.IsOffTopic);
        Sql.Set(c, "@status", p.Status.ToString());
        Sql.Set(c, "@search", p.SearchText);
        Sql.Set(c, "@external", p.ExternalKey);
        Sql.Set(c, "@version", p.Version);
        return Convert.ToInt32(await c.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private DbCommand Prepare(string text, params string[] parameters) => _statements.Prepare(text, parameters);

    public ValueTask DisposeAsync() => _statements.DisposeAsync();
}
