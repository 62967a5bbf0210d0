using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Hromada.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Core.Tests.Conversation;

/// <summary>The author's name and contact: optional, one question, one message or one shared card.</summary>
public sealed class ConversationContactTests : IAsyncLifetime
{
    private CoreTestHost _host = null!;
    private ResidentDriver _resident = null!;

    public async Task InitializeAsync()
    {
        _host = await CoreTestHost.StartAsync();
        _resident = new ResidentDriver(_host);
        await _resident.TextAsync("/start");
        await _resident.PressAsync("Погоджуюся");
        await _resident.PressAsync("Громадська організація");
        await _resident.TextAsync("Лугове");
        await _resident.PressAsync("Інше");
        await _resident.TextAsync("Облаштувати дитячий майданчик біля клубу в Луговому.");
        Assert.Contains("Як до вас звертатися", _resident.LastText, StringComparison.Ordinal);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<Proposal> SendAsync()
    {
        await _resident.PressAsync("Надіслати");
        await using var scope = _host.Scope();
        return await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().Proposals.AsNoTracking().SingleAsync();
    }

    [Fact]
    public void Question_SaysWhatTheContactIsFor_AndOffersTheChannelsShareButton()
    {
        Assert.Contains("щоб робоча група могла уточнити у вас пропозицію", _resident.LastText, StringComparison.Ordinal);
        Assert.Contains("Про рішення ми повідомимо тут, у чаті", _resident.LastText, StringComparison.Ordinal);
        Assert.True(_resident.Last[^1].RequestContact);
    }

    [Theory]
    [InlineData("Олена Петренко, 067-123-45-67", "Олена Петренко", "+380671234567", null)]
    [InlineData("380501234567 Олена Петренко", "Олена Петренко", "+380501234567", null)]
    [InlineData("ГО «Побратими» olena@example.com", "ГО «Побратими»", null, "olena@example.com")]
    [InlineData("Олена; +38 (067) 123-45-67; olena@example.com", "Олена", "+380671234567", "olena@example.com")]
    public async Task NameAndContact_InOneMessage_AreTakenTogether(string typed, string name, string? phone, string? email)
    {
        await _resident.TextAsync(typed);

        Assert.Contains("Перевірте", _resident.LastText, StringComparison.Ordinal);
        var p = await SendAsync();
        Assert.Equal((name, phone, email), (p.AuthorName, p.AuthorPhone, p.AuthorEmail));
        Assert.False(p.IsUnidentified);
    }

    [Fact]
    public async Task NameAlone_ThenAsksForAPhoneOrEmail()
    {
        await _resident.TextAsync("Олена Петренко");
        Assert.Contains("Залиште ще телефон або e-mail", _resident.LastText, StringComparison.Ordinal);
        Assert.True(_resident.Last[^1].RequestContact);

        await _resident.TextAsync("olena@example.com");

        var p = await SendAsync();
        Assert.Equal(("Олена Петренко", "olena@example.com"), (p.AuthorName, p.AuthorEmail));
    }

    [Fact]
    public async Task SharedNumberWithoutAName_ThenAsksForTheName()
    {
        await _resident.ShareContactAsync("+380671234567", null);
        Assert.Contains("Як до вас звертатися? Напишіть прізвище та імʼя", _resident.LastText, StringComparison.Ordinal);

        await _resident.TextAsync("Олена Петренко");

        var p = await SendAsync();
        Assert.Equal(("Олена Петренко", "+380671234567"), (p.AuthorName, p.AuthorPhone));
    }

    [Fact]
    public async Task SharedContact_OnlyTheResidentsOwnCounts_AndCarriesTheName()
    {
        await _resident.ShareContactAsync("+380991112233", "Сусід", isOwn: false);
        Assert.Contains("іншої людини", _resident.LastText, StringComparison.Ordinal);
        Assert.Contains("Як до вас звертатися", _resident.LastText, StringComparison.Ordinal);

        await _resident.ShareContactAsync("380671234567", "Олена Петренко");

        var p = await SendAsync();
        Assert.Equal(("Олена Петренко", "+380671234567"), (p.AuthorName, p.AuthorPhone));
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("olena@")]
    [InlineData("Олена 067 123")]
    public async Task Contact_Unreadable_IsRefusedAndAskedAgain(string typed)
    {
        await _resident.TextAsync(typed);

        Assert.Contains("Не вдалося розпізнати контакт", _resident.LastText, StringComparison.Ordinal);
        Assert.Contains("Як до вас звертатися", _resident.LastText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Name_TooShort_IsAskedAgain()
    {
        await _resident.TextAsync("О");

        Assert.Contains("від 2 до 200", _resident.LastText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Skipping_WarnsThatTheProposalMayBeRejected_AndItIsFlaggedUnidentified()
    {
        await _resident.PressAsync("Пропустити");

        Assert.Contains("неідентифікованою", _resident.LastText, StringComparison.Ordinal);
        Assert.True((await SendAsync()).IsUnidentified);
    }

    [Fact]
    public async Task NameThenSkip_KeepsTheName_AndTheProposalIsUnidentified()
    {
        await _resident.TextAsync("Олена Петренко");
        await _resident.PressAsync("Пропустити");

        var p = await SendAsync();
        Assert.Equal(("Олена Петренко", null, null), (p.AuthorName, p.AuthorPhone, p.AuthorEmail));
        Assert.True(p.IsUnidentified);
    }
}
