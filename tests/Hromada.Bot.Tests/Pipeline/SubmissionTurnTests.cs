using System.Globalization;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Bot.Tests.Telegram;
using Hromada.Core.Audit;
using Hromada.Core.Conversation;
using Hromada.Core.Pipeline;
using Hromada.Core.Proposals;
using Hromada.Core.Residents;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bot.Tests.Pipeline;

/// <summary>
/// A submission committed as a turn's effect (hand-written statements in the group commit) stores what the intake through
/// EF Core stores: the next reference number, the proposal row, its social groups, the audit entry, the search index.
/// </summary>
public sealed class SubmissionTurnTests
{
    [DatabaseTheory, OnEachDatabase]
    public async Task SubmissionAsATurn_StoresTheSameProposalGroupsAuditAndSearchRowAsTheIntake(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = await TelegramHost.StartAsync(webhook: true, database: database);
        var (consultation, category, sphere, groups) = await host.DbAsync(async db => (
            await db.Consultations.Select(c => c.Id).FirstAsync(),
            await db.AuthorCategories.Select(c => c.Id).FirstAsync(),
            await db.Spheres.Select(s => s.Id).FirstAsync(),
            await db.SocialGroups.OrderBy(g => g.Id).Select(g => g.Id).Take(2).ToListAsync()));
        var now = host.Factory.Time.GetUtcNow();
        var input = new NewProposal
        {
            ConsultationId = consultation, Channel = Channel.Telegram, ReceivedAt = now.AddMinutes(-1), AuthorCategoryId = category,
            SphereId = sphere, Text = "  Відремонтувати дорогу до школи в селі  ", Actor = "resident:Telegram",
            // 999999 is in no catalog: left out by both ways of storing.
            SocialGroupIds = [.. groups, 999999], AuthorName = " Олена ", AuthorPhone = "+380501112233", UnlistedSettlement = "Хутір Зелений",
            ConsentAt = now.AddMinutes(-5), ConsentVersion = "2026-11",
        };

        string intake;
        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            intake = (await scope.ServiceProvider.GetRequiredService<ProposalService>().SubmitAsync(input)).Reference;
        }
        var resident = new Resident
        {
            Channel = Channel.Telegram, ChannelUserId = "7301", Language = "uk-UA", CreatedAt = now, LastInboundAt = now, ConversationStep = "",
        };
        var reply = new OutboundMessage($"Прийнято: {TurnEffect.ReferencePlaceholder}, квитанція {TurnEffect.ReceiptCodePlaceholder}");
        var turn = new TurnCommit(
            new InboundMessage(Channel.Telegram, "7301", "submission-1") { Text = "Надіслати" },
            new TurnDecision(resident, [reply], [new TurnEffect.Submit(input)]) { IsNewResident = true },
            now);
        IReadOnlyList<TurnCommitResult> results;
        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            results = await scope.ServiceProvider.GetRequiredService<IPipelineStore>().CommitTurnsAsync([turn], CancellationToken.None);
        }

        var result = Assert.Single(results);
        Assert.Equal(TurnCommitStatus.Committed, result.Status);
        var year = now.Year.ToString(CultureInfo.InvariantCulture);
        Assert.Equal($"P-{year}-00001", intake);
        var stored = await host.DbAsync(db => db.Proposals.AsNoTracking().Include(p => p.SocialGroups).OrderBy(p => p.Id).ToListAsync());
        Assert.Equal(2, stored.Count);
        var (byIntake, byTurn) = (stored[0], stored[1]);
        Assert.Equal($"P-{year}-00002", byTurn.Reference);
        Assert.Equal($"Прийнято: {byTurn.Reference}, квитанція {byTurn.ReceiptCode}", Assert.Single(result.Replies).Text);
        Assert.Equal(2, await host.DbAsync(db => db.ReferenceCounters.Where(c => c.Year == now.Year).Select(c => c.Last).SingleAsync()));
        var residentId = await host.DbAsync(db => db.Residents.Where(r => r.ChannelUserId == "7301").Select(r => (int?)r.Id).SingleAsync());
        Assert.Equal(residentId, byTurn.ResidentId);
        Assert.Null(byIntake.ResidentId);
        Assert.NotEqual(byIntake.ReceiptCode, byTurn.ReceiptCode);
        Assert.Equal(Row(byIntake), Row(byTurn));
        Assert.Equal(groups, byTurn.SocialGroups.Select(g => g.Id).Order());
        Assert.StartsWith(byTurn.Reference.ToLowerInvariant() + " ", byTurn.SearchText, StringComparison.Ordinal);

        var audit = await host.DbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Proposal").OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([(intake, "Received"), (byTurn.Reference, "Received")], audit.Select(a => (a.EntityKey, a.Action)));
        Assert.Equal(audit[0].After, audit[1].After);
        Assert.All(audit, a => Assert.Equal((ProposalReceived.Name, 1), (a.Kind, a.Version)));
        Assert.Equal((audit[0].Actor, audit[0].At, audit[0].Before), (audit[1].Actor, audit[1].At, audit[1].Before));

        // The search index has the turn's proposal: the intake's proposal finds it as its like, and the other way round.
        await using var search = host.Factory.Services.CreateAsyncScope();
        var similar = search.ServiceProvider.GetRequiredService<SimilarProposals>();
        Assert.Equal([byTurn.Reference], (await similar.FindAsync(intake)).Select(s => s.Reference));
        Assert.Equal([intake], (await similar.FindAsync(byTurn.Reference)).Select(s => s.Reference));
    }

    /// <summary>Every stored field but the ones that differ by design (id, reference, receipt code, resident).</summary>
    private static string Row(Proposal p) => string.Join('|',
        p.ConsultationId, p.Channel, p.Language, p.ReceivedAt.ToString("O", CultureInfo.InvariantCulture), p.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
        p.AuthorCategoryId, p.BusinessKindId, p.SettlementId, p.ResidenceSettlementId, p.UnlistedSettlement, p.SphereId, p.TopicId,
        p.OriginalSphereId, p.OriginalTopicId, p.OriginalSettlementId, p.Text, p.AuthorName, p.AuthorPhone, p.AuthorEmail,
        p.ConsentAt?.ToString("O", CultureInfo.InvariantCulture), p.ConsentVersion, p.AnonymisedAt, p.IsLate, p.IsUnidentified,
        p.DuplicateOfReference, p.IsOffTopic, p.Status, p.Outcome, p.Justification, p.ProtocolNumber, p.ProtocolDate, p.DecidedAt,
        p.DecidedBy, p.PublicTextHiddenReason, p.ExternalKey, p.Version, p.SearchText.Replace(p.Reference.ToLowerInvariant(), "", StringComparison.Ordinal));
}
