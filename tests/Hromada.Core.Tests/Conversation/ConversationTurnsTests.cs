using Hromada.Core.Storage;
using Hromada.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Hromada.Core.Tests.Conversation;

/// <summary>How many messages a resident sends to get a proposal in: every extra tap loses older residents half-way.</summary>
public sealed class ConversationTurnsTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ShortestFirstTimePath_OfAPerson_TakesAtMostElevenTurns_AndAsksEverythingTheProcedureNeeds()
    {
        await using var host = await CoreTestHost.StartAsync();
        var r = new ResidentDriver(host);

        await r.TextAsync("/start");
        await r.PressAsync("Погоджуюся");
        await r.PressAsync("Фізична особа");
        await r.PressAsync("Молодь");
        await r.PressAsync("Готово");
        await r.TextAsync("Камʼянка");
        await r.PressAsync("Житлово-комунальне");
        await r.PressAsync("Дороги");
        await r.TextAsync("Відремонтувати дорогу від школи до амбулаторії в селі Камʼянка");
        await r.ShareContactAsync("+380671234567", "Олена Петренко");
        await r.PressAsync("Надіслати");
        output.WriteLine(string.Join("\n", r.Transcript));

        Assert.True(r.Turns <= 11, $"{r.Turns} turns");
        Assert.Matches(@"P-2026-00001", r.LastText);
        await using var scope = host.Scope();
        var p = await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().Proposals
            .Include(x => x.AuthorCategory).Include(x => x.SocialGroups).Include(x => x.ResidenceSettlement).Include(x => x.Settlement)
            .Include(x => x.Sphere).Include(x => x.Topic).SingleAsync();
        Assert.Equal("person", p.AuthorCategory!.Code);
        Assert.Equal("youth", Assert.Single(p.SocialGroups).Code);
        Assert.Equal(("kamianka", "kamianka"), (p.ResidenceSettlement!.Code, p.Settlement!.Code));
        Assert.Equal(("infrastructure", "roads"), (p.Sphere!.Code, p.Topic!.Code));
        Assert.Equal(("Олена Петренко", "+380671234567"), (p.AuthorName, p.AuthorPhone));
        Assert.False(p.IsUnidentified);
    }

    [Fact]
    public async Task ButtonOnlyPath_TappingEveryButtonOnOffer_TakesElevenTurns()
    {
        await using var host = await CoreTestHost.StartAsync();
        var r = new ResidentDriver(host);

        await r.TextAsync("/start");
        await r.PressAsync("Погоджуюся");
        await r.PressAsync("Фізична особа");
        await r.PressAsync("Люди поважного віку");
        await r.PressAsync("Готово");
        await r.PressAsync("с. Соловʼї");
        await r.PressAsync("Житлово-комунальне");
        await r.PressAsync("Вуличне освітлення");
        await r.TextAsync("Встановити ліхтарі на вулиці Садовій від магазину до зупинки автобуса");
        await r.ShareContactAsync("+380671234567", "Ганна Коваль");
        await r.PressAsync("Надіслати");
        output.WriteLine(string.Join("\n", r.Transcript));

        Assert.Equal(11, r.Turns);
        Assert.Matches(@"P-2026-00001", r.LastText);
        await using var scope = host.Scope();
        var p = await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().Proposals
            .Include(x => x.ResidenceSettlement).Include(x => x.Topic).SingleAsync();
        Assert.Equal(("solovii", "lighting"), (p.ResidenceSettlement!.Code, p.Topic!.Code));
    }

    [Fact]
    public async Task WithNoneOfTheGroups_TheProposalWrittenAtTheTopic_AndNameAndPhoneTyped_TakesNineTurns()
    {
        await using var host = await CoreTestHost.StartAsync();
        var r = new ResidentDriver(host, channel: Core.Proposals.Channel.WebChat);

        await r.TextAsync("/start");
        await r.PressAsync("Погоджуюся");
        await r.PressAsync("Фізична особа");
        await r.PressAsync("Жодна з цих груп");
        await r.TextAsync("Пʼятихатки");
        await r.PressAsync("Цивільний захист");
        await r.TextAsync("Встановити сирену в центрі села, бо сигнал тривоги там не чути.");
        await r.TextAsync("Петро Коваль, 050 765 43 21");
        await r.PressAsync("Надіслати");
        output.WriteLine(string.Join("\n", r.Transcript));

        Assert.Equal(9, r.Turns);
        await using var scope = host.Scope();
        var p = await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().Proposals
            .Include(x => x.SocialGroups).Include(x => x.Settlement).Include(x => x.Topic).SingleAsync();
        Assert.Equal("none", Assert.Single(p.SocialGroups).Code);
        Assert.Equal("piatykhatky", p.Settlement!.Code);
        Assert.Null(p.Topic);
        Assert.Equal(("Петро Коваль", "+380507654321"), (p.AuthorName, p.AuthorPhone));
    }
}
