using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Hromada.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Core.Tests.Proposals;

public sealed class ProposalBatchTests
{
    [DatabaseTheory, OnEachDatabase]
    public async Task SubmitMany_NumbersEachYearInInputOrder_AndSubmitContinuesAfterThem(DatabaseProvider database)
    {
        await using var host = await CoreTestHost.StartAsync(database: database);
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        var service = scope.ServiceProvider.GetRequiredService<ProposalService>();
        var draft = new NewProposal
        {
            ConsultationId = (await db.Consultations.FirstAsync()).Id,
            Channel = Channel.GoogleForm,
            ReceivedAt = host.Time.GetUtcNow(),
            AuthorCategoryId = (await db.AuthorCategories.FirstAsync()).Id,
            SphereId = (await db.Spheres.FirstAsync()).Id,
            SocialGroupIds = [(await db.SocialGroups.FirstAsync()).Id],
            Text = "Облаштувати укриття в будинку культури",
            Actor = "secretary",
        };
        // 22:30 UTC on 31 December is already the next year in Kyiv.
        var newYear = new DateTimeOffset(2026, 12, 31, 22, 30, 0, TimeSpan.Zero);

        var references = await service.SubmitManyAsync([draft, draft with { ReceivedAt = newYear }, draft with { AuthorName = "Іван Коваль", AuthorPhone = "+380501112233" }]);
        var next = await service.SubmitAsync(draft);

        Assert.Equal(["P-2026-00001", "P-2027-00001", "P-2026-00002"], references);
        Assert.Equal("P-2026-00003", next.Reference);
        var stored = await db.Proposals.AsNoTracking().Include(p => p.SocialGroups).OrderBy(p => p.Id).ToListAsync();
        Assert.All(stored, p => Assert.Single(p.SocialGroups));
        Assert.Equal([true, true, false, true], stored.Select(p => p.IsUnidentified));
        Assert.Equal(4, await db.AuditEntries.CountAsync(a => a.Action == "Received"));
    }
}
