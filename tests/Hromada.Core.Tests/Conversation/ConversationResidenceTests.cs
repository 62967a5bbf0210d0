using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Hromada.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Core.Tests.Conversation;

/// <summary>
/// Where the author lives (the protocol counts authors by residence) and which settlement the proposal concerns —
/// the same one unless the resident changes it from the summary.
/// </summary>
public sealed class ConversationResidenceTests : IAsyncLifetime
{
    private CoreTestHost _host = null!;
    private ResidentDriver _resident = null!;

    public async Task InitializeAsync()
    {
        _host = await CoreTestHost.StartAsync();
        _resident = new ResidentDriver(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task ToResidenceAsync()
    {
        await _resident.TextAsync("/start");
        await _resident.PressAsync("Погоджуюся");
        await _resident.PressAsync("Громадська організація");
    }

    /// <summary>From the sphere question to the summary, without a contact.</summary>
    private async Task ToSummaryAsync()
    {
        await _resident.PressAsync("Інше");
        await _resident.TextAsync("Провести дорогу до хуторів, де живуть пʼять родин без доїзду.");
        await _resident.PressAsync("Пропустити");
        Assert.Contains("Перевірте", _resident.LastText, StringComparison.Ordinal);
    }

    private async Task<Proposal> SendAsync()
    {
        await _resident.PressAsync("Надіслати");
        await using var scope = _host.Scope();
        return await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().Proposals
            .Include(p => p.Settlement).Include(p => p.ResidenceSettlement).AsNoTracking().OrderBy(p => p.Id).LastAsync();
    }

    [Theory]
    [InlineData("Кам'янка")]
    [InlineData("с. кам’янка")]
    [InlineData("КАМʼЯНКА")]
    [InlineData("камянка")]
    [InlineData("с.Камянка")]
    public async Task Residence_TypedInAnyApostropheForm_IsFound(string typed)
    {
        await ToResidenceAsync();

        await _resident.TextAsync(typed);

        Assert.Contains("Якої сфери", _resident.LastText, StringComparison.Ordinal);
    }

    /// <summary>Regression: a business or an NGO was asked «Де ви проживаєте?».</summary>
    [Fact]
    public async Task Organisation_IsAskedWhereItWorks_AndIsCountedThere()
    {
        await ToResidenceAsync();
        Assert.Contains("Де працює ваше підприємство чи організація?", _resident.LastText, StringComparison.Ordinal);
        Assert.DoesNotContain("проживаєте", _resident.LastText, StringComparison.Ordinal);

        await _resident.TextAsync("Пʼятихатки");
        await ToSummaryAsync();
        Assert.Contains("Місце діяльності: с. Пʼятихатки", _resident.LastText, StringComparison.Ordinal);
        Assert.Contains(_resident.LastChoices, c => c.Label == "✏️ Місце діяльності");

        var p = await SendAsync();
        Assert.Equal("piatykhatky", p.ResidenceSettlement!.Code);
    }

    [Fact]
    public async Task Residence_WithTheCatalogsSeventeenSettlements_IsOneTapOnOneKeyboard_DistrictByDistrict()
    {
        await ToResidenceAsync();

        Assert.Contains("оберіть його нижче", _resident.LastText, StringComparison.Ordinal);
        Assert.Equal(
            [
                "с-ще Зелений Діл", "с. Хутірське", "с. Лугове", "с. Вишневе", "с. Черешеньки", "с. Садове", "с. Камʼянка", "с. Забірʼя",
                "с. Пʼятихатки", "с. Підгірне", "с. Березівка", "с. Ставки", "с. Озерне", "с. Новоселиця", "с. Соловʼї", "с. Дубове",
                "с-ще Березівка", "Немає в переліку",
            ],
            _resident.LastChoices.Select(c => c.Label));
        await _resident.PressAsync("с. Ставки");
        Assert.Contains("Якої сфери", _resident.LastText, StringComparison.Ordinal);
        await ToSummaryAsync();

        var p = await SendAsync();
        Assert.Equal(("stavky", "stavky"), (p.ResidenceSettlement!.Code, p.Settlement!.Code));
    }

    [Fact]
    public async Task Residence_InALargerCatalog_ChosenByDistrictThenButton_OrBackToTheList()
    {
        await _host.DisposeAsync();
        _host = await CoreTestHost.StartAsync(new Dictionary<string, string?> { ["Hromada:Conversation:SettlementsOnOneKeyboard"] = "10" });
        _resident = new ResidentDriver(_host);
        await ToResidenceAsync();
        Assert.Contains(_resident.LastChoices, c => c.Label == "Камʼянський старостинський округ" && c.ShortLabel == "Камʼянський");
        await _resident.PressAsync("Камʼянський");
        Assert.Equal(["с. Камʼянка", "с. Забірʼя", "с. Пʼятихатки", "Немає в переліку", "← До переліку"], _resident.LastChoices.Select(c => c.Label));

        await _resident.PressAsync("← До переліку");
        await _resident.PressAsync("Підгірненський");
        await _resident.PressAsync("с. Ставки");
        Assert.Contains("Якої сфери", _resident.LastText, StringComparison.Ordinal);
        await ToSummaryAsync();

        var p = await SendAsync();
        Assert.Equal(("stavky", "stavky"), (p.ResidenceSettlement!.Code, p.Settlement!.Code));
    }

    [Fact]
    public async Task Residence_WithTheSameNameInTwoDistricts_OffersBoth_NumberedForShortButtons()
    {
        await ToResidenceAsync();

        await _resident.TextAsync("Березівка");

        Assert.Contains("кілька", _resident.LastText, StringComparison.Ordinal);
        Assert.Contains("1. с. Березівка — Підгірненський старостинський округ", _resident.LastText, StringComparison.Ordinal);
        Assert.Contains("2. с-ще Березівка — Новоселицький старостинський округ", _resident.LastText, StringComparison.Ordinal);
        Assert.Contains(_resident.LastChoices, c => c.ShortLabel == "2. с-ще Березівка");
        await _resident.PressAsync("с-ще Березівка");
        await ToSummaryAsync();
        Assert.Equal("berezivka-nov", (await SendAsync()).Settlement!.Code);
    }

    [Fact]
    public async Task UnknownSettlement_IsRecordedAsOutsideTheListAfterConfirmation()
    {
        await ToResidenceAsync();
        await _resident.TextAsync("Нові Хутори");
        Assert.Contains("«Нові Хутори»", _resident.LastText, StringComparison.Ordinal);

        await _resident.PressAsync("Так, записати");
        await ToSummaryAsync();
        Assert.Contains("Стосується: Нові Хутори", _resident.LastText, StringComparison.Ordinal);

        var p = await SendAsync();
        Assert.Equal((null, null, "Нові Хутори"), (p.ResidenceSettlementId, p.SettlementId, p.UnlistedSettlement));
        Assert.True(p.IsUnidentified);
    }

    [Fact]
    public async Task Proposal_ConcernsWhereTheAuthorLives_UnlessChangedToAnotherSettlementFromTheSummary()
    {
        await ToResidenceAsync();
        await _resident.TextAsync("Камʼянка");
        await ToSummaryAsync();
        Assert.Contains("Місце діяльності: с. Камʼянка\nСтосується: с. Камʼянка", _resident.LastText, StringComparison.Ordinal);

        await _resident.PressAsync("Чого стосується");
        await _resident.TextAsync("Забірʼя");
        Assert.Contains("Місце діяльності: с. Камʼянка\nСтосується: с. Забірʼя", _resident.LastText, StringComparison.Ordinal);

        var p = await SendAsync();
        Assert.Equal(("kamianka", "zabirria"), (p.ResidenceSettlement!.Code, p.Settlement!.Code));
    }

    [Fact]
    public async Task Proposal_CanConcernTheWholeHromada()
    {
        await ToResidenceAsync();
        await _resident.TextAsync("Камʼянка");
        await ToSummaryAsync();

        await _resident.PressAsync("Чого стосується");
        await _resident.PressAsync("Уся громада");
        Assert.Contains("Стосується: уся громада", _resident.LastText, StringComparison.Ordinal);

        var p = await SendAsync();
        Assert.Equal(("kamianka", null, null), (p.ResidenceSettlement!.Code, p.SettlementId, p.UnlistedSettlement));
    }

    [Fact]
    public async Task Residence_IsRemembered_AndOfferedWithOneTapForTheNextProposal()
    {
        await ToResidenceAsync();
        await _resident.TextAsync("Садове");
        await ToSummaryAsync();
        await SendAsync();
        await _resident.PressAsync("Ні, дякую");

        await _resident.PressAsync("Подати пропозицію");
        await _resident.PressAsync("Громадська організація");
        Assert.Contains("Минулого разу ви вказали с. Садове", _resident.LastText, StringComparison.Ordinal);
        await _resident.PressAsync("📍 с. Садове");
        await ToSummaryAsync();

        var p = await SendAsync();
        Assert.Equal(("sadove", "sadove"), (p.ResidenceSettlement!.Code, p.Settlement!.Code));
        await using var scope = _host.Scope();
        var resident = await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().Residents.SingleAsync();
        Assert.Equal(p.ResidenceSettlementId, resident.ResidenceSettlementId);
    }
}
