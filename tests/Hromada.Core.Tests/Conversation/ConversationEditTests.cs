using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Hromada.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Core.Tests.Conversation;

/// <summary>Every answer can be changed from the summary without retyping the others.</summary>
public sealed class ConversationEditTests
{
    private static async Task<(CoreTestHost Host, ResidentDriver Resident)> AtSummaryAsync()
    {
        var host = await CoreTestHost.StartAsync();
        var resident = new ResidentDriver(host);
        await resident.FillUpToSummaryAsync();
        Assert.Contains("Перевірте", resident.LastText, StringComparison.Ordinal);
        return (host, resident);
    }

    private static async Task<Proposal> SendAsync(CoreTestHost host, ResidentDriver resident)
    {
        Assert.Contains("Перевірте", resident.LastText, StringComparison.Ordinal);
        await resident.PressAsync("Надіслати");
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().Proposals
            .Include(p => p.AuthorCategory).Include(p => p.SocialGroups).Include(p => p.BusinessKind).Include(p => p.Settlement).Include(p => p.ResidenceSettlement)
            .Include(p => p.Sphere).Include(p => p.Topic).AsNoTracking().SingleAsync();
    }

    private static void AssertUntouched(Proposal p, params string[] except)
    {
        if (!except.Contains("category")) Assert.Equal("person", p.AuthorCategory!.Code);
        if (!except.Contains("settlement")) Assert.Equal("kamianka", p.Settlement!.Code);
        if (!except.Contains("residence")) Assert.Equal("kamianka", p.ResidenceSettlement!.Code);
        if (!except.Contains("groups") && !except.Contains("category")) Assert.Equal("youth", Assert.Single(p.SocialGroups).Code);
        if (!except.Contains("sphere")) Assert.Equal("infrastructure", p.Sphere!.Code);
        if (!except.Contains("topic") && !except.Contains("sphere")) Assert.Equal("roads", p.Topic!.Code);
        if (!except.Contains("text")) Assert.Equal("Відремонтувати дорогу від школи до амбулаторії в селі Камʼянка", p.Text);
        if (!except.Contains("contact")) Assert.Equal(("Олена Петренко", "+380671234567"), (p.AuthorName, p.AuthorPhone));
    }

    [Fact]
    public async Task EditCategory_ToBusiness_AsksItsKind_ThenReturnsToTheSummary()
    {
        var (host, r) = await AtSummaryAsync();
        await using var _ = host;

        await r.PressAsync("✏️ Автор");
        await r.PressAsync("Субʼєкт господарювання");
        await r.PressAsync("Послуги");

        var p = await SendAsync(host, r);
        Assert.Equal(("business", "services"), (p.AuthorCategory!.Code, p.BusinessKind!.Code));
        Assert.Empty(p.SocialGroups);
        AssertUntouched(p, "category");
    }

    [Fact]
    public async Task EditSocialGroups_KeepsThoseTicked_ThenReturnsToTheSummary()
    {
        var (host, r) = await AtSummaryAsync();
        await using var _ = host;

        await r.PressAsync("✏️ Соціальні групи");
        Assert.Contains(r.LastChoices, c => c.Label == "✓ Молодь (14–35 років)");
        await r.PressAsync("Ветерани");
        await r.PressAsync("Готово");

        var p = await SendAsync(host, r);
        Assert.Equal(["veterans", "youth"], p.SocialGroups.Select(g => g.Code).Order());
        AssertUntouched(p, "groups");
    }

    [Fact]
    public async Task EditConcernedSettlement_KeepsTheResidence_ThenReturnsToTheSummary()
    {
        var (host, r) = await AtSummaryAsync();
        await using var _ = host;

        await r.PressAsync("✏️ Чого стосується");
        await r.TextAsync("Забірʼя");

        var p = await SendAsync(host, r);
        Assert.Equal(("zabirria", "kamianka"), (p.Settlement!.Code, p.ResidenceSettlement!.Code));
        AssertUntouched(p, "settlement");
    }

    [Fact]
    public async Task EditResidence_MovesTheConcernedSettlementWithIt_WhenThatWasNotChanged()
    {
        var (host, r) = await AtSummaryAsync();
        await using var _ = host;

        await r.PressAsync("✏️ Місце проживання");
        await r.PressAsync("с. Садове");

        var p = await SendAsync(host, r);
        Assert.Equal(("sadove", "sadove"), (p.Settlement!.Code, p.ResidenceSettlement!.Code));
        AssertUntouched(p, "settlement", "residence");
    }

    [Fact]
    public async Task EditSphere_AsksItsTopic_ThenReturnsToTheSummary()
    {
        var (host, r) = await AtSummaryAsync();
        await using var _ = host;

        await r.PressAsync("✏️ Сфера");
        await r.PressAsync("Соціально-гуманітарна");
        await r.PressAsync("Освіта");

        var p = await SendAsync(host, r);
        Assert.Equal(("social", "education"), (p.Sphere!.Code, p.Topic!.Code));
        AssertUntouched(p, "sphere");
    }

    [Fact]
    public async Task EditTopic_ReturnsToTheSummary()
    {
        var (host, r) = await AtSummaryAsync();
        await using var _ = host;

        await r.PressAsync("✏️ Тема");
        await r.PressAsync("Вуличне освітлення");

        var p = await SendAsync(host, r);
        Assert.Equal("lighting", p.Topic!.Code);
        AssertUntouched(p, "topic");
    }

    [Fact]
    public async Task EditText_ReturnsToTheSummary()
    {
        var (host, r) = await AtSummaryAsync();
        await using var _ = host;

        await r.PressAsync("✏️ Текст");
        await r.TextAsync("Встановити лежачих поліцейських біля школи в Камʼянці.");

        var p = await SendAsync(host, r);
        Assert.Equal("Встановити лежачих поліцейських біля школи в Камʼянці.", p.Text);
        AssertUntouched(p, "text");
    }

    [Fact]
    public async Task EditText_CanContinueTheText_ThenReturnsToTheSummary()
    {
        var (host, r) = await AtSummaryAsync();
        await using var _ = host;

        await r.PressAsync("✏️ Текст");
        await r.PressAsync("Дописати");
        await r.TextAsync("І поставити там освітлення.");

        var p = await SendAsync(host, r);
        Assert.Equal("Відремонтувати дорогу від школи до амбулаторії в селі Камʼянка\nІ поставити там освітлення.", p.Text);
        AssertUntouched(p, "text");
    }

    [Fact]
    public async Task EditContact_ReturnsToTheSummary()
    {
        var (host, r) = await AtSummaryAsync();
        await using var _ = host;

        await r.PressAsync("✏️ Контакти");
        await r.TextAsync("Олена Іваненко");
        await r.TextAsync("olena@example.com");

        var p = await SendAsync(host, r);
        Assert.Equal(("Олена Іваненко", null, "olena@example.com"), (p.AuthorName, p.AuthorPhone, p.AuthorEmail));
        AssertUntouched(p, "contact");
    }

    [Fact]
    public async Task CancelFromTheSummary_SendsNothing()
    {
        var (host, r) = await AtSummaryAsync();
        await using var _ = host;

        await r.PressAsync("Скасувати");

        await using var scope = host.Scope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().Proposals.CountAsync());
        Assert.Contains("Нічого не надіслано", r.LastText, StringComparison.Ordinal);
    }
}
