using Hromada.Core.Consultations;
using Hromada.Core.Storage;
using Hromada.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Core.Tests.Conversation;

/// <summary>With several consultations open at once (rounds, two programmes), the resident chooses.</summary>
public sealed class ConversationConsultationTests
{
    private const string Youth = "Збір пропозицій до Молодіжної програми громади на 2027–2029 роки";

    private static async Task<CoreTestHost> TwoOpenAsync()
    {
        var host = await CoreTestHost.StartAsync();
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        db.Consultations.Add(new Consultation
        {
            Title = Youth,
            OpensAt = host.Time.GetUtcNow(),
            Deadline = new DateTimeOffset(2026, 12, 20, 16, 0, 0, TimeSpan.Zero),
            CreatedAt = host.Time.GetUtcNow(),
        });
        await db.SaveChangesAsync();
        return host;
    }

    [Fact]
    public async Task SeveralOpen_TheGreetingListsThem_AndTheResidentChoosesOne()
    {
        await using var host = await TwoOpenAsync();
        var r = new ResidentDriver(host);

        await r.TextAsync("/start");
        Assert.Contains("Зараз тривають:", r.LastText, StringComparison.Ordinal);
        Assert.Contains($"• {Youth} — пропозиції приймаються до 18:00 20.12.2026", r.LastText, StringComparison.Ordinal);
        await r.PressAsync("Погоджуюся");
        Assert.Contains("До якого ви подаєте пропозицію?", r.LastText, StringComparison.Ordinal);
        Assert.Contains($"2. {Youth} — до 18:00 20.12.2026", r.LastText, StringComparison.Ordinal);
        Assert.Equal(["№ 1", "№ 2"], r.LastChoices.Select(c => c.ShortLabel));
        await r.PressAsync("Молодіжної програми");
        await r.PressAsync("Громадська організація");
        await r.TextAsync("Лугове");
        await r.PressAsync("Інше");
        await r.TextAsync("Відкрити молодіжний простір у будинку культури.");
        await r.PressAsync("Пропустити");
        Assert.Contains($"Збір пропозицій: {Youth}", r.LastText, StringComparison.Ordinal);
        await r.PressAsync("Надіслати");

        await using var scope = host.Scope();
        var p = await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().Proposals.Include(x => x.Consultation).SingleAsync();
        Assert.Equal(Youth, p.Consultation!.Title);
    }

    [Fact]
    public async Task OneOpen_IsNotAsked()
    {
        await using var host = await CoreTestHost.StartAsync();
        var r = new ResidentDriver(host);

        await r.FillUpToSummaryAsync();

        Assert.DoesNotContain("Збір пропозицій:", r.LastText, StringComparison.Ordinal);
        Assert.DoesNotContain(r.LastChoices, c => c.Label.Contains("Збір", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChosenConsultationClosedBeforeSending_TheResidentChoosesAgain()
    {
        await using var host = await TwoOpenAsync();
        var r = new ResidentDriver(host);
        await r.TextAsync("/start");
        await r.PressAsync("Погоджуюся");
        await r.PressAsync("Молодіжної програми");
        await r.PressAsync("Громадська організація");
        await r.TextAsync("Лугове");
        await r.PressAsync("Інше");
        await r.TextAsync("Відкрити молодіжний простір у будинку культури.");
        await r.PressAsync("Пропустити");
        await using (var scope = host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
            (await db.Consultations.SingleAsync(c => c.Title == Youth)).ClosedAt = host.Time.GetUtcNow();
            await db.SaveChangesAsync();
        }

        await r.PressAsync("Надіслати");

        Assert.Contains("уже завершився", r.LastText, StringComparison.Ordinal);
        Assert.Contains("Перевірте", r.LastText, StringComparison.Ordinal);
        await r.PressAsync("Надіслати");
        await using var check = host.Scope();
        var p = await check.ServiceProvider.GetRequiredService<HromadaDbContext>().Proposals.Include(x => x.Consultation).SingleAsync();
        Assert.NotEqual(Youth, p.Consultation!.Title);
    }
}
