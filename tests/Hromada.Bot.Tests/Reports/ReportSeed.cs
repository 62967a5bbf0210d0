using Hromada.Bot.Tests.Infrastructure;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bot.Tests.Reports;

/// <summary>Proposals with what the reports count, straight into the test host's database.</summary>
internal static class ReportSeed
{
    public static async Task<Proposal> AddAsync(HromadaAppFactory app, string text = "Облаштувати тротуар до школи",
        Channel channel = Channel.Paper, string category = "person", string? residence = "kamianka", string? settlement = "kamianka",
        string sphere = "infrastructure", string? name = "Олена Петренко", string? phone = "+380671234567", DateTimeOffset? receivedAt = null,
        DecisionOutcome? outcome = null, string? route = null, DateOnly? due = null)
    {
        _ = app.Services;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        var p = await scope.ServiceProvider.GetRequiredService<ProposalService>().SubmitAsync(new NewProposal
        {
            ConsultationId = (await db.Consultations.FirstAsync()).Id,
            Channel = channel,
            ReceivedAt = receivedAt ?? app.Time.GetUtcNow(),
            AuthorCategoryId = (await db.AuthorCategories.SingleAsync(c => c.Code == category)).Id,
            SocialGroupIds = [(await db.SocialGroups.SingleAsync(g => g.Code == "parents")).Id],
            ResidenceSettlementId = residence is null ? null : (await db.Settlements.SingleAsync(s => s.Code == residence)).Id,
            SettlementId = settlement is null ? null : (await db.Settlements.SingleAsync(s => s.Code == settlement)).Id,
            SphereId = (await db.Spheres.SingleAsync(s => s.Code == sphere)).Id,
            Text = text,
            AuthorName = name,
            AuthorPhone = phone,
            Actor = "test",
        });
        var stored = await db.Proposals.SingleAsync(x => x.Id == p.Id);
        if (route is not null)
        {
            stored.Routes.Add(new ProposalRoute
            {
                ReviewBodyId = (await db.ReviewBodies.SingleAsync(b => b.Code == route)).Id,
                DueDate = due ?? new DateOnly(2026, 11, 10),
                RoutedAt = app.Time.GetUtcNow(),
                RoutedBy = "test",
            });
            stored.Status = ProposalStatus.Routed;
        }
        if (outcome is { } o)
        {
            stored.Outcome = o;
            stored.Status = ProposalStatus.Decided;
            stored.Justification = "Включено до програми на 2027 рік";
            stored.ProtocolNumber = "12";
            stored.ProtocolDate = new DateOnly(2026, 11, 20);
            stored.DecidedAt = app.Time.GetUtcNow();
            stored.DecidedBy = "secretary";
        }
        await db.SaveChangesAsync();
        return stored;
    }

    /// <summary>Writes <paramref name="text"/> as it is, bypassing any cleaning at intake (as older rows may hold it).</summary>
    public static async Task SetTextAsync(HromadaAppFactory app, string reference, string text)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        await db.Proposals.Where(p => p.Reference == reference).ExecuteUpdateAsync(u => u.SetProperty(p => p.Text, text));
    }
}
