using Hromada.Core.Conversation;
using Hromada.Core.Proposals;
using Hromada.Core.Residents;
using Hromada.Core.Storage;
using Hromada.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Core.Tests.Conversation;

public sealed class ConversationStepsTests : IAsyncLifetime
{
    private CoreTestHost _host = null!;
    private ResidentDriver _resident = null!;

    public async Task InitializeAsync()
    {
        _host = await CoreTestHost.StartAsync();
        _resident = new ResidentDriver(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<Resident> StoredResidentAsync()
    {
        await using var scope = _host.Scope();
        return await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().Residents.AsNoTracking().SingleAsync();
    }

    private async Task<Proposal> SubmittedAsync()
    {
        await using var scope = _host.Scope();
        return await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().Proposals
            .Include(p => p.Settlement).Include(p => p.Sphere).Include(p => p.Topic).Include(p => p.BusinessKind).Include(p => p.SocialGroups)
            .AsNoTracking().SingleAsync();
    }

    private async Task ToDistrictAsync(string category = "Громадська організація")
    {
        await _resident.TextAsync("/start");
        await _resident.PressAsync("Погоджуюся");
        await _resident.PressAsync(category);
    }

    private async Task ToTextAsync()
    {
        await ToDistrictAsync();
        await _resident.TextAsync("Лугове");
        await _resident.PressAsync("Інше");
    }

    [Fact]
    public async Task Start_AsksForConsentWithThePrivacyNoticeLink()
    {
        await _resident.TextAsync("/start");

        Assert.Contains("http://localhost:5080/privacy.html", _resident.LastText, StringComparison.Ordinal);
        Assert.Equal(["Погоджуюся", "Не погоджуюся"], _resident.LastChoices.Select(c => c.Label));
    }

    [Fact]
    public async Task ConsentDeclined_RecordsNothingAndOffersTheMenu()
    {
        await _resident.TextAsync("/start");
        await _resident.PressAsync("Не погоджуюся");

        Assert.Contains("Без згоди", _resident.LastText, StringComparison.Ordinal);
        Assert.Null((await StoredResidentAsync()).ConsentAt);
    }

    [Fact]
    public async Task ConsentGiven_IsRecordedWithTimeAndNoticeVersion()
    {
        await _resident.TextAsync("/start");
        await _resident.PressAsync("Погоджуюся");

        var resident = await StoredResidentAsync();
        Assert.Equal(_host.Time.GetUtcNow(), resident.ConsentAt);
        Assert.Equal("2026-11", resident.ConsentVersion);
        Assert.Contains("Хто подає", _resident.LastText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Business_IsAskedItsBusinessKind()
    {
        await ToDistrictAsync("Субʼєкт господарювання");
        Assert.Contains("підприємство", _resident.LastText, StringComparison.Ordinal);

        await _resident.PressAsync("Виробництво");

        Assert.Contains("Якого населеного пункту", _resident.LastText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Organisation_GoesStraightToTheSettlement()
    {
        await ToDistrictAsync();

        Assert.Contains("Якого населеного пункту", _resident.LastText, StringComparison.Ordinal);
        Assert.Equal(5, _resident.LastChoices.Count);
    }

    [Fact]
    public async Task SocialGroups_AreMultiSelect_AndDoneNeedsOne()
    {
        await ToDistrictAsync("Фізична особа");
        await _resident.PressAsync("Готово");
        Assert.Contains("хоча б одну", _resident.LastText, StringComparison.Ordinal);

        await _resident.PressAsync("Молодь");
        await _resident.PressAsync("Ветерани");
        Assert.Contains(_resident.LastChoices, c => c.Label == "✓ Молодь (14–35 років)");
        await _resident.PressAsync("✓ Молодь");
        await _resident.PressAsync("Готово");

        Assert.Contains("Якого населеного пункту", _resident.LastText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Кам'янка")]
    [InlineData("с. кам’янка")]
    [InlineData("КАМʼЯНКА")]
    public async Task Settlement_TypedInAnyApostropheForm_IsFound(string typed)
    {
        await ToDistrictAsync();

        await _resident.TextAsync(typed);

        Assert.Contains("Якої сфери", _resident.LastText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settlement_ChosenByDistrictThenButton_OrBackToDistricts()
    {
        await ToDistrictAsync();
        await _resident.PressAsync("Камʼянський");
        Assert.Equal(["с. Камʼянка", "с. Забірʼя", "с. Пʼятихатки", "Інший населений пункт", "← До округів"], _resident.LastChoices.Select(c => c.Label));

        await _resident.PressAsync("← До округів");
        await _resident.PressAsync("Підгірненський");
        await _resident.PressAsync("с. Ставки");

        Assert.Contains("Якої сфери", _resident.LastText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settlement_WithTheSameNameInTwoDistricts_OffersBoth()
    {
        await ToDistrictAsync();

        await _resident.TextAsync("Березівка");

        Assert.Contains("кілька", _resident.LastText, StringComparison.Ordinal);
        Assert.Contains(_resident.LastChoices, c => c.Label.Contains("Підгірненський", StringComparison.Ordinal));
        Assert.Contains(_resident.LastChoices, c => c.Label.Contains("Новоселицький", StringComparison.Ordinal));
        await _resident.PressAsync("с-ще Березівка");
        await _resident.PressAsync("Інше");
        await _resident.TextAsync("Відкрити аптечний пункт у селищі Березівка, бо найближча аптека за 15 км.");
        await _resident.PressAsync("Готово");
        await _resident.PressAsync("Пропустити");
        await _resident.PressAsync("Пропустити");
        await _resident.PressAsync("Надіслати");
        Assert.Equal("berezivka-nov", (await SubmittedAsync()).Settlement!.Code);
    }

    [Fact]
    public async Task UnknownSettlement_IsRecordedAsAnotherSettlementAfterConfirmation()
    {
        await ToDistrictAsync();
        await _resident.TextAsync("Нові Хутори");
        Assert.Contains("«Нові Хутори»", _resident.LastText, StringComparison.Ordinal);

        await _resident.PressAsync("Так, записати");
        await _resident.PressAsync("Інше");
        await _resident.TextAsync("Провести дорогу до хуторів, де живуть пʼять родин без доїзду.");
        await _resident.PressAsync("Готово");
        await _resident.PressAsync("Пропустити");
        await _resident.PressAsync("Пропустити");
        Assert.Contains("Населений пункт: Нові Хутори", _resident.LastText, StringComparison.Ordinal);
        await _resident.PressAsync("Надіслати");

        var p = await SubmittedAsync();
        Assert.Null(p.SettlementId);
        Assert.Equal("Нові Хутори", p.UnlistedSettlement);
        Assert.True(p.IsUnidentified);
    }

    [Fact]
    public async Task SphereWithoutTopics_SkipsTheTopicQuestion()
    {
        await ToTextAsync();

        Assert.Contains("Напишіть вашу пропозицію", _resident.LastText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_TooShort_IsNotAcceptedAsDone()
    {
        await ToTextAsync();

        await _resident.TextAsync("Дороги!");

        Assert.Contains("щонайменше 20", _resident.LastText, StringComparison.Ordinal);
        Assert.DoesNotContain(_resident.LastChoices, c => c.Label == "Готово");
        await _resident.ChoiceValueAsync("tx:done");
        Assert.Contains("неактуальна", _resident.LastText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_InSeveralMessages_IsJoinedWhole_AndTooLongIsRefusedWithoutLosingTheRest()
    {
        await ToTextAsync();
        var first = new string('а', 3000);

        await _resident.TextAsync(first);
        await _resident.TextAsync(new string('б', 1500));
        Assert.Contains("задовгий", _resident.LastText, StringComparison.Ordinal);
        await _resident.TextAsync("Друга частина пропозиції.");
        Assert.Contains("3027 символів", _resident.LastText, StringComparison.Ordinal);
        await _resident.PressAsync("Готово");
        await _resident.PressAsync("Пропустити");
        await _resident.PressAsync("Пропустити");
        await _resident.PressAsync("Надіслати");

        Assert.Equal(first + "\n\nДруга частина пропозиції.", (await SubmittedAsync()).Text);
    }

    [Fact]
    public async Task Text_Reset_StartsTheTextAgain()
    {
        await ToTextAsync();
        await _resident.TextAsync("Перша версія пропозиції про дорогу");
        await _resident.PressAsync("Почати текст заново");

        await _resident.TextAsync("Друга версія: відремонтувати міст через річку");

        Assert.Contains("45 символів", _resident.LastText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("067-123-45-67", "+380671234567", null)]
    [InlineData("380501234567", "+380501234567", null)]
    [InlineData("olena@example.com", null, "olena@example.com")]
    public async Task Contact_PhoneOrEmail_IsNormalised(string typed, string? phone, string? email)
    {
        await ToTextAsync();
        await _resident.TextAsync("Облаштувати дитячий майданчик біля клубу в Луговому.");
        await _resident.PressAsync("Готово");
        await _resident.TextAsync("Олена");
        Assert.True(_resident.Last[^1].RequestContact);

        await _resident.TextAsync(typed);
        await _resident.PressAsync("Надіслати");

        var p = await SubmittedAsync();
        Assert.Equal((phone, email), (p.AuthorPhone, p.AuthorEmail));
        Assert.False(p.IsUnidentified);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("olena@")]
    public async Task Contact_Unreadable_IsRefusedAndAskedAgain(string typed)
    {
        await ToTextAsync();
        await _resident.TextAsync("Облаштувати дитячий майданчик біля клубу в Луговому.");
        await _resident.PressAsync("Готово");
        await _resident.TextAsync("Олена");

        await _resident.TextAsync(typed);

        Assert.Contains("Не вдалося розпізнати", _resident.LastText, StringComparison.Ordinal);
        Assert.Contains("Залиште телефон", _resident.LastText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SharedContact_OnlyTheResidentsOwnCounts()
    {
        await ToTextAsync();
        await _resident.TextAsync("Облаштувати дитячий майданчик біля клубу в Луговому.");
        await _resident.PressAsync("Готово");
        await _resident.PressAsync("Пропустити");

        await _resident.SendAsync(_resident.New() with { Contact = new SharedContact("+380991112233", "Сусід", IsOwn: false) });
        Assert.Contains("іншої людини", _resident.LastText, StringComparison.Ordinal);
        await _resident.SendAsync(_resident.New() with { Contact = new SharedContact("380671234567", "Олена Петренко", IsOwn: true) });
        await _resident.PressAsync("Надіслати");

        var p = await SubmittedAsync();
        Assert.Equal(("Олена Петренко", "+380671234567"), (p.AuthorName, p.AuthorPhone));
    }

    [Fact]
    public async Task SkippingNameAndContact_WarnsThatTheProposalMayBeRejected()
    {
        await ToTextAsync();
        await _resident.TextAsync("Облаштувати дитячий майданчик біля клубу в Луговому.");
        await _resident.PressAsync("Готово");
        await _resident.PressAsync("Пропустити");
        await _resident.PressAsync("Пропустити");

        Assert.Contains("неідентифікованою", _resident.LastText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Name_TooShort_IsAskedAgain()
    {
        await ToTextAsync();
        await _resident.TextAsync("Облаштувати дитячий майданчик біля клубу в Луговому.");
        await _resident.PressAsync("Готово");

        await _resident.TextAsync("О");

        Assert.Contains("від 2 до 200", _resident.LastText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attachment_WhereTextIsExpected_GetsAHint_AndChangesNothing()
    {
        await ToTextAsync();

        await _resident.SendAsync(_resident.New() with { UnsupportedAttachment = true });

        Assert.Contains("напишіть, будь ласка, текстом", _resident.LastText, StringComparison.Ordinal);
        Assert.Equal("text", (await StoredResidentAsync()).ConversationStep);
    }

    [Fact]
    public async Task StaleButton_GetsAHint_AndTheCurrentQuestionAgain()
    {
        await ToDistrictAsync();
        var before = await StoredResidentAsync();

        await _resident.ChoiceValueAsync("cat:1");

        Assert.Contains("неактуальна", _resident.LastText, StringComparison.Ordinal);
        Assert.Contains("Якого населеного пункту", _resident.LastText, StringComparison.Ordinal);
        var after = await StoredResidentAsync();
        Assert.Equal((before.ConversationStep, before.ConversationData), (after.ConversationStep, after.ConversationData));
    }

    [Fact]
    public async Task TypedLabel_AtAStepWithButtons_CountsAsPressingIt()
    {
        await _resident.TextAsync("/start");
        await _resident.TextAsync("погоджуюся");

        await _resident.TextAsync("фізична особа");

        Assert.Contains("До яких груп", _resident.LastText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_GetsHelp()
    {
        await _resident.TextAsync("/start");

        await _resident.TextAsync("/weather");

        Assert.Contains("/forget", _resident.LastText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_DropsTheDraft()
    {
        await ToTextAsync();

        await _resident.TextAsync("/cancel");

        Assert.Contains("Скасовано", _resident.LastText, StringComparison.Ordinal);
        var resident = await StoredResidentAsync();
        Assert.Equal("", resident.ConversationStep);
        Assert.Contains("\"sphereId\":null", resident.ConversationData ?? "", StringComparison.Ordinal);
        Assert.Contains("\"textParts\":[]", resident.ConversationData ?? "", StringComparison.Ordinal);
    }
}
