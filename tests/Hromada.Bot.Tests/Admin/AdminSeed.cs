using Hromada.Bot.Tests.Infrastructure;
using Hromada.Core.Proposals;
using Hromada.Core.Residents;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bot.Tests.Admin;

/// <summary>Puts proposals into the test host's database the way the chat would.</summary>
internal static class AdminSeed
{
    public static async Task<Proposal> SubmitAsync(
        HromadaAppFactory app,
        string text = "Відремонтувати дорогу до школи в селі Камʼянка",
        string sphere = "infrastructure",
        string settlement = "kamianka",
        Channel channel = Channel.WebChat,
        string? residentId = null,
        DateTimeOffset? receivedAt = null,
        string? name = "Олена Петренко",
        string? phone = "+380671234567")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        Resident? resident = null;
        if (residentId is not null)
        {
            resident = new Resident { Channel = channel, ChannelUserId = residentId, CreatedAt = app.Time.GetUtcNow() };
            db.Residents.Add(resident);
            await db.SaveChangesAsync();
        }
        return await scope.ServiceProvider.GetRequiredService<ProposalService>().SubmitAsync(new NewProposal
        {
            ConsultationId = (await db.Consultations.FirstAsync()).Id,
            Channel = channel,
            ReceivedAt = receivedAt ?? app.Time.GetUtcNow(),
            AuthorCategoryId = (await db.AuthorCategories.FirstAsync(c => c.Code == "person")).Id,
            SocialGroupIds = [(await db.SocialGroups.FirstAsync(g => g.Code == "idp")).Id],
            SphereId = (await db.Spheres.FirstAsync(s => s.Code == sphere)).Id,
            SettlementId = (await db.Settlements.FirstAsync(s => s.Code == settlement)).Id,
            Text = text,
            AuthorName = name,
            AuthorPhone = phone,
            ResidentId = resident?.Id,
            Actor = $"resident:{channel}",
        });
    }
}
