using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Hromada.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Core.Tests.Proposals;

public sealed class SimilarProposalsTests
{
    private static async Task<string> SubmitAsync(CoreTestHost host, string text)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        var p = await scope.ServiceProvider.GetRequiredService<ProposalService>().SubmitAsync(new NewProposal
        {
            ConsultationId = (await db.Consultations.FirstAsync()).Id,
            Channel = Channel.WebChat,
            ReceivedAt = host.Time.GetUtcNow(),
            AuthorCategoryId = (await db.AuthorCategories.FirstAsync(c => c.Code == "person")).Id,
            SphereId = (await db.Spheres.FirstAsync(s => s.Code == "infrastructure")).Id,
            Text = text,
            Actor = "test",
        });
        return p.Reference;
    }

    private static async Task<IReadOnlyList<SimilarProposal>> FindAsync(CoreTestHost host, string reference)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<SimilarProposals>().FindAsync(reference);
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task AProposalAboutTheSameRoad_IsSuggested_WhateverTheWordEndings_AndAnUnrelatedOneIsNot(DatabaseProvider provider)
    {
        await using var host = await CoreTestHost.StartAsync(database: provider);
        var road = await SubmitAsync(host, "Відремонтувати дорогу до школи в селі Камʼянка, там глибокі ями");
        var sameRoad = await SubmitAsync(host, "Ремонт дороги біля школи у Кам'янці: ями після зими");
        var unrelated = await SubmitAsync(host, "Встановити сирену оповіщення в центрі Пʼятихаток");

        var similar = await FindAsync(host, road);

        var first = Assert.Single(similar);
        Assert.Equal(sameRoad, first.Reference);
        Assert.True(first.SharedWords >= 3, $"shared {first.SharedWords}");
        Assert.DoesNotContain(similar, s => s.Reference == unrelated);
        if (provider == DatabaseProvider.PostgreSql)
        {
            // PostgreSQL's own full-text search, with its index (SQLite's FTS5 table does not exist there).
            await using var scope = host.Scope();
            var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
            Assert.Equal(1, await db.Database.SqlQuery<int>(
                $"SELECT count(*)::int AS \"Value\" FROM pg_indexes WHERE indexname = 'IX_Proposals_SearchWords' AND indexdef LIKE '%gin%to_tsvector%simple%'").SingleAsync());
        }
    }

    [Fact]
    public async Task ProposalsStoredBeforeTheSearchIndexExisted_AreFound()
    {
        // A database as the previous build left it: the proposals stored, every migration up to the one before the
        // index. They are stored first and the database migrated back, because today's model cannot write to
        // yesterday's tables (later migrations add columns to proposals).
        await using var host = await CoreTestHost.StartAsync();
        var old = await SubmitAsync(host, "Облаштувати пішохідний перехід біля ліцею на вулиці Центральній");
        var older = await SubmitAsync(host, "Пішохідний перехід біля ліцею потрібен: діти переходять вулицю Центральну");
        await using (var scope = host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
            await db.GetService<IMigrator>().MigrateAsync("WebAnswerTemplates");
            Assert.Equal(0, await db.Database.SqlQuery<int>($"SELECT count(*) AS Value FROM sqlite_master WHERE name = 'ProposalSearch'").SingleAsync());
            Assert.Equal(2, await db.Database.SqlQuery<int>($"SELECT count(*) AS Value FROM Proposals").SingleAsync());
        }
        await using (var scope = host.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().Database.MigrateAsync();
        }

        Assert.Equal(older, Assert.Single(await FindAsync(host, old)).Reference);
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task AnEditedText_IsSearchedAsItIsNow(DatabaseProvider provider)
    {
        await using var host = await CoreTestHost.StartAsync(database: provider);
        var lights = await SubmitAsync(host, "Відновити вуличне освітлення на вулиці Шкільній");
        var other = await SubmitAsync(host, "Посадити дерева у парку біля ставка");
        await using (var scope = host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
            var p = await db.Proposals.SingleAsync(x => x.Reference == other);
            p.Text = "Відновити освітлення вулиці Шкільної, бо вуличні ліхтарі не світять";
            p.SearchText = Proposal.ToSearchText(p.Text, p.Reference, null);
            await db.SaveChangesAsync();
        }

        Assert.Equal(other, Assert.Single(await FindAsync(host, lights)).Reference);
    }
}
