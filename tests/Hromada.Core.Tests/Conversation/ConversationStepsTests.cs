using Hromada.Core.Proposals;
using Hromada.Core.Residents;
using Hromada.Core.Storage;
using Hromada.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Core.Tests.Conversation;

/// <summary>The questions of a submission, one by one: consent, the author, the text.</summary>
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

    private async Task ToResidenceAsync(string category = "Громадська організація")
    {
        await _resident.TextAsync("/start");
        await _resident.PressAsync("Погоджуюся");
        await _resident.PressAsync(category);
    }

    private async Task ToTextAsync()
    {
        await ToResidenceAsync();
        await _resident.TextAsync("Лугове");
        await _resident.PressAsync("Інше");
    }

    private async Task SendWithoutContactAsync()
    {
        await _resident.PressAsync("Пропустити");
        await _resident.PressAsync("Надіслати");
    }

    [Fact]
    public async Task Start_AsksForConsentWithThePrivacyNoticeLink()
    {
        await _resident.TextAsync("/start");

        Assert.Contains("http://localhost:5080/privacy.html", _resident.LastText, StringComparison.Ordinal);
        Assert.Equal(["Погоджуюся", "Не погоджуюся"], _resident.LastChoices.Select(c => c.Label));
    }

    [Fact]
    public async Task Consent_NamesTheSocialGroupsAsSensitiveData()
    {
        await _resident.TextAsync("/start");

        Assert.Contains("до яких соціальних груп належите", _resident.LastText, StringComparison.Ordinal);
        Assert.Contains("чутливі дані", _resident.LastText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConsentDeclined_RecordsNothing_NamesTheCouncil_AndOffersTheMenu()
    {
        await _resident.TextAsync("/start");
        await _resident.PressAsync("Не погоджуюся");

        Assert.Contains("Без згоди", _resident.LastText, StringComparison.Ordinal);
        Assert.Contains("(адресат — Зеленодільська сільська рада)", _resident.LastText, StringComparison.Ordinal);
        Assert.Contains(_resident.LastChoices, c => c.Label == "📝 Подати пропозицію");
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
    public async Task Business_IsAskedItsBusinessKind_ThenWhereItWorks()
    {
        await ToResidenceAsync("Субʼєкт господарювання");
        Assert.Contains("підприємство", _resident.LastText, StringComparison.Ordinal);

        await _resident.PressAsync("Виробництво");

        Assert.Contains("Де працює ваше підприємство чи організація", _resident.LastText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Organisation_GoesStraightToWhereItWorks()
    {
        await ToResidenceAsync();

        Assert.Contains("Де працює ваше підприємство чи організація", _resident.LastText, StringComparison.Ordinal);
        Assert.Equal(18, _resident.LastChoices.Count); // the catalog's 17 settlements and «Немає в переліку»
    }

    [Fact]
    public async Task SocialGroups_AreMultiSelect_AndDoneWithNoneChosenSaysOnlyWhatIsMissing()
    {
        await ToResidenceAsync("Фізична особа");
        await _resident.PressAsync("Готово");
        Assert.Contains("хоча б одну", _resident.LastText, StringComparison.Ordinal);
        Assert.DoesNotContain("неактуальна", _resident.LastText, StringComparison.Ordinal);
        Assert.Equal(2, _resident.Last.Count);

        await _resident.PressAsync("Молодь");
        await _resident.PressAsync("Ветерани");
        Assert.Contains(_resident.LastChoices, c => c.Label == "✓ Молодь (14–35 років)" && c.ShortLabel == "✓ Молодь (14–35)");
        await _resident.PressAsync("✓ Молодь");
        await _resident.PressAsync("Готово");
        await _resident.TextAsync("Лугове");
        await _resident.PressAsync("Інше");
        await _resident.TextAsync("Створити раду ветеранів при сільській раді.");
        await SendWithoutContactAsync();

        Assert.Equal("veterans", Assert.Single((await SubmittedAsync()).SocialGroups).Code);
    }

    /// <summary>Regression: each tap on a group repeated the whole question as a new message in the web chat.</summary>
    [Fact]
    public async Task SocialGroups_ATap_UpdatesTheQuestionsChoices_AndARefusalAsksItAgainInFull()
    {
        await ToResidenceAsync("Фізична особа");
        var question = Assert.Single(_resident.Last);
        Assert.False(question.Updates);

        await _resident.PressAsync("Молодь");

        var updated = Assert.Single(_resident.Last);
        Assert.True(updated.Updates);
        // Not the whole question again: a chat that cannot change a sent message shows only what is ticked.
        Assert.Equal("✓ Позначено: Молодь (14–35 років). Позначте ще або натисніть «Готово».", updated.Text);
        Assert.DoesNotContain(question.Text, updated.Text, StringComparison.Ordinal);
        Assert.Contains(updated.Choices, c => c.Label.StartsWith("✓ Молодь", StringComparison.Ordinal));

        await _resident.TextAsync("не знаю");
        Assert.All(_resident.Last, m => Assert.False(m.Updates));
    }

    [Fact]
    public async Task NoneOfTheseGroups_IsOneTap_AndClearsTheGroupsTicked()
    {
        await ToResidenceAsync("Фізична особа");
        await _resident.PressAsync("Молодь");

        await _resident.PressAsync("Жодна з цих груп");

        Assert.Contains("Де ви проживаєте", _resident.LastText, StringComparison.Ordinal);
        await _resident.TextAsync("Лугове");
        await _resident.PressAsync("Інше");
        await _resident.TextAsync("Створити раду ветеранів при сільській раді.");
        await SendWithoutContactAsync();
        Assert.Equal("none", Assert.Single((await SubmittedAsync()).SocialGroups).Code);
    }

    [Fact]
    public async Task SphereWithoutTopics_SkipsTheTopicQuestion()
    {
        await ToTextAsync();

        Assert.Contains("Напишіть вашу пропозицію", _resident.LastText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProposalTypedAtTheTopicQuestion_SkipsTheTopic_AndIsTakenAsTheText()
    {
        await ToResidenceAsync();
        await _resident.TextAsync("Лугове");
        await _resident.PressAsync("Житлово-комунальне");

        await _resident.TextAsync("Відремонтувати міст через річку біля Лугового.");

        Assert.Contains("Текст прийнято", _resident.LastText, StringComparison.Ordinal);
        Assert.Contains("Як до вас звертатися", _resident.LastText, StringComparison.Ordinal);
        await SendWithoutContactAsync();
        var p = await SubmittedAsync();
        Assert.Equal(("Відремонтувати міст через річку біля Лугового.", null), (p.Text, p.Topic));
    }

    [Fact]
    public async Task Text_LongEnough_IsTakenWithoutPressingDone()
    {
        await ToTextAsync();

        await _resident.TextAsync("Облаштувати дитячий майданчик біля клубу в Луговому.");

        Assert.Contains("Текст прийнято (52 символи)", _resident.LastText, StringComparison.Ordinal);
        Assert.Contains("Як до вас звертатися", _resident.LastText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_TooShort_WaitsForMore_AndThePiecesAreJoined()
    {
        await ToTextAsync();

        await _resident.TextAsync("Дороги!");
        Assert.Contains("Поки що 7 символів, а потрібно щонайменше 20", _resident.LastText, StringComparison.Ordinal);
        await _resident.ChoiceValueAsync("text:done");
        Assert.Contains("неактуальна", _resident.LastText, StringComparison.Ordinal);
        await _resident.TextAsync("Відремонтувати дорогу до Лугового.");
        await SendWithoutContactAsync();

        Assert.Equal("Дороги! Відремонтувати дорогу до Лугового.", (await SubmittedAsync()).Text);
    }

    /// <summary>Regression: two messages were joined with an empty line («Відремонтувати␤␤тротуар…») and stayed split everywhere.</summary>
    [Fact]
    public async Task Text_InTwoMessages_IsOneSentence_WithoutAnEmptyLine()
    {
        await ToTextAsync();

        await _resident.TextAsync("Відремонтувати");
        await _resident.TextAsync("тротуар на вулиці Шевченка біля школи.");
        await _resident.PressAsync("Пропустити");
        Assert.Contains("Відремонтувати тротуар на вулиці Шевченка біля школи.", _resident.LastText, StringComparison.Ordinal);
        await _resident.PressAsync("Надіслати");

        Assert.Equal("Відремонтувати тротуар на вулиці Шевченка біля школи.", (await SubmittedAsync()).Text);
    }

    [Fact]
    public async Task Text_ANewCapitalisedPieceAfterAnUnfinishedOne_StartsANewLine()
    {
        await ToTextAsync();

        await _resident.TextAsync("Ремонт доріг");
        await _resident.TextAsync("Відремонтувати дорогу до Лугового.");
        await SendWithoutContactAsync();

        Assert.Equal("Ремонт доріг\nВідремонтувати дорогу до Лугового.", (await SubmittedAsync()).Text);
    }

    [Fact]
    public async Task Text_TooLong_IsRefusedWithoutLosingWhatCameBefore()
    {
        await ToTextAsync();
        await _resident.TextAsync("Відремонтувати");

        await _resident.TextAsync(new string('б', 4000));
        Assert.Contains("задовгий: разом вийшло б 4015 символів", _resident.LastText, StringComparison.Ordinal);
        Assert.Contains("попередній текст збережено", _resident.LastText, StringComparison.Ordinal);
        await _resident.TextAsync("дорогу від школи до амбулаторії.");
        await SendWithoutContactAsync();

        Assert.Equal("Відремонтувати дорогу від школи до амбулаторії.", (await SubmittedAsync()).Text);
    }

    [Fact]
    public async Task Text_Reset_StartsTheTextAgain()
    {
        await ToTextAsync();
        await _resident.TextAsync("Перша версія");
        await _resident.PressAsync("Почати текст заново");

        await _resident.TextAsync("Друга версія: відремонтувати міст через річку");

        Assert.Contains("Текст прийнято (45 символів)", _resident.LastText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attachment_WhereTextIsExpected_GetsAHint_AndChangesNothing()
    {
        await ToTextAsync();

        await _resident.SendAsync(_resident.New() with { UnsupportedAttachment = true });

        Assert.Contains("не приймаємо — напишіть, будь ласка, текстом.", _resident.LastText, StringComparison.Ordinal);
        Assert.Equal("text", (await StoredResidentAsync()).ConversationStep);
    }

    [Fact]
    public async Task StaleButton_GetsAHint_AndTheCurrentQuestionAgain()
    {
        await ToResidenceAsync();
        var before = await StoredResidentAsync();

        await _resident.ChoiceValueAsync("category:1");

        Assert.Contains("Ця кнопка вже неактуальна — напишіть, будь ласка, назву населеного пункту", _resident.LastText, StringComparison.Ordinal);
        Assert.Contains("Де працює ваше підприємство чи організація", _resident.LastText, StringComparison.Ordinal);
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
    public async Task TypedBeginningOfOneLabel_CountsAsPressingIt()
    {
        await ToResidenceAsync("Фізична особа");

        await _resident.TextAsync("ветерани");

        Assert.Contains(_resident.LastChoices, c => c.Label == "✓ Ветерани та їхні родини");
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
        Assert.Contains("\"answers\":{}", resident.ConversationData ?? "", StringComparison.Ordinal);
    }
}
