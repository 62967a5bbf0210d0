using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Hromada.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Core.Tests.Conversation;

public sealed class ConversationHappyPathTests
{
    [Fact]
    public async Task Submission_FromStartToReferenceNumber_StoresEveryAnswer()
    {
        await using var host = await CoreTestHost.StartAsync();
        var resident = new ResidentDriver(host);

        await resident.FillUpToSummaryAsync();
        Assert.Contains("Перевірте", resident.LastText, StringComparison.Ordinal);
        Assert.Contains("с. Камʼянка", resident.LastText, StringComparison.Ordinal);
        Assert.Contains("+380671234567", resident.LastText, StringComparison.Ordinal);
        await resident.PressAsync("Надіслати");

        Assert.Matches(@"P-2026-00001", resident.LastText);
        Assert.Contains(resident.LastChoices, c => c.Label == "Так, підписатися");
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        var p = await db.Proposals.Include(x => x.Settlement).Include(x => x.Sphere).Include(x => x.Topic)
            .Include(x => x.AuthorCategory).Include(x => x.SocialGroups).SingleAsync();
        Assert.Equal("P-2026-00001", p.Reference);
        Assert.Equal(Channel.Telegram, p.Channel);
        Assert.Equal("person", p.AuthorCategory!.Code);
        Assert.Equal("youth", Assert.Single(p.SocialGroups).Code);
        Assert.Equal("kamianka", p.Settlement!.Code);
        Assert.Equal("infrastructure", p.Sphere!.Code);
        Assert.Equal("roads", p.Topic!.Code);
        Assert.Equal("Відремонтувати дорогу від школи до амбулаторії в селі Камʼянка", p.Text);
        Assert.Equal("Олена Петренко", p.AuthorName);
        Assert.Equal("+380671234567", p.AuthorPhone);
        Assert.NotNull(p.ConsentAt);
        Assert.Equal("2026-11", p.ConsentVersion);
        Assert.False(p.IsUnidentified);
        Assert.False(p.IsLate);
    }
}
