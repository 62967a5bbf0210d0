using Hromada.Core.Catalogs;
using Hromada.Core.Conversation;

namespace Hromada.Core.Tests.Conversation;

public sealed class ConversationParsersTests
{
    [Theory]
    [InlineData("+380671234567", "+380671234567")]
    [InlineData("380671234567", "+380671234567")]
    [InlineData("0671234567", "+380671234567")]
    [InlineData("067 123 45 67", "+380671234567")]
    [InlineData("+38 (067) 123-45-67", "+380671234567")]
    [InlineData("12345", null)]
    [InlineData("+1 202 555 0100", null)]
    [InlineData("0071234567", null)]
    [InlineData("дзвоніть 0671234567", null)]
    [InlineData("067123456", null)]
    public void NormalisePhone_UkrainianForms_BecomeE164(string typed, string? expected) =>
        Assert.Equal(expected, ContactParser.NormalisePhone(typed));

    [Theory]
    [InlineData("olena@example.com", "olena@example.com")]
    [InlineData("  o.petrenko@rada.gov.ua ", "o.petrenko@rada.gov.ua")]
    [InlineData("olena@localhost", null)]
    [InlineData("olena at example.com", null)]
    [InlineData("Олена <olena@example.com>", null)]
    public void NormaliseEmail_AcceptsOnlyAPlainAddress(string typed, string? expected) =>
        Assert.Equal(expected, ContactParser.NormaliseEmail(typed));

    private static readonly List<Settlement> Catalog =
    [
        new() { Id = 1, Label = "Камʼянка", Kind = "с." },
        new() { Id = 2, Label = "Березівка", Kind = "с." },
        new() { Id = 3, Label = "Березівка", Kind = "с-ще" },
        new() { Id = 4, Label = "Зелений Діл", Kind = "с-ще" },
    ];

    [Theory]
    [InlineData("Кам'янка")]
    [InlineData("кам’янка")]
    [InlineData("КАМʼЯНКА")]
    [InlineData("с. Кам`янка")]
    [InlineData("  с.Камʼянка ")]
    [InlineData("Камʼян")]
    public void SettlementMatcher_IgnoresCaseApostropheFormAndPrefix(string typed) =>
        Assert.Equal(1, Assert.Single(SettlementMatcher.Match(Catalog, typed)).Id);

    /// <summary>The shipped catalog's names with an apostrophe, typed without one or with another form of it.</summary>
    [Theory]
    [InlineData("камянка", "kamianka")]
    [InlineData("Забіря", "zabirria")]
    [InlineData("с. Забір'я", "zabirria")]
    [InlineData("пятихатки", "piatykhatky")]
    [InlineData("П‘ятихатки", "piatykhatky")]
    [InlineData("Соловї", "solovii")]
    [InlineData("соловʼї", "solovii")]
    [InlineData("Пятих", "piatykhatky")]
    public void SettlementMatcher_NamesWithoutTheirApostrophe_AreFound(string typed, string code)
    {
        List<Settlement> shipped =
        [
            new() { Id = 1, Code = "kamianka", Label = "Камʼянка", Kind = "с." },
            new() { Id = 2, Code = "zabirria", Label = "Забірʼя", Kind = "с." },
            new() { Id = 3, Code = "piatykhatky", Label = "Пʼятихатки", Kind = "с." },
            new() { Id = 4, Code = "solovii", Label = "Соловʼї", Kind = "с." },
            new() { Id = 5, Code = "sadove", Label = "Садове", Kind = "с." },
        ];

        Assert.Equal(code, Assert.Single(SettlementMatcher.Match(shipped, typed)).Code);
    }

    [Fact]
    public void SettlementMatcher_ANameBeginningWithAPrefixLetter_KeepsIt()
    {
        List<Settlement> catalog = [new() { Id = 1, Label = "Садове", Kind = "с." }, new() { Id = 2, Label = "Мирне", Kind = "с." }];

        Assert.Equal(1, Assert.Single(SettlementMatcher.Match(catalog, "садове")).Id);
        Assert.Equal(2, Assert.Single(SettlementMatcher.Match(catalog, "м Мирне")).Id);
    }

    [Fact]
    public void SettlementMatcher_SameNameInTwoDistricts_GivesBoth() =>
        Assert.Equal([2, 3], SettlementMatcher.Match(Catalog, "березівка").Select(s => s.Id));

    [Theory]
    [InlineData("с-ще Зелений   Діл")]
    [InlineData("селище зелений діл")]
    public void SettlementMatcher_KindPrefixesAndSpaces(string typed) =>
        Assert.Equal(4, Assert.Single(SettlementMatcher.Match(Catalog, typed)).Id);

    [Theory]
    [InlineData("Нові Хутори")]
    [InlineData("Ка")]
    public void SettlementMatcher_UnknownOrTooShort_FindsNothing(string typed) =>
        Assert.Empty(SettlementMatcher.Match(Catalog, typed));

    [Theory]
    [InlineData(1, "пропозиція")]
    [InlineData(2, "пропозиції")]
    [InlineData(4, "пропозиції")]
    [InlineData(5, "пропозицій")]
    [InlineData(11, "пропозицій")]
    [InlineData(12, "пропозицій")]
    [InlineData(14, "пропозицій")]
    [InlineData(21, "пропозиція")]
    [InlineData(22, "пропозиції")]
    [InlineData(0, "пропозицій")]
    [InlineData(111, "пропозицій")]
    public void Plural_Ukrainian(int n, string expected) =>
        Assert.Equal(expected, Plural.Choose(n, "пропозиція|пропозиції|пропозицій", "uk-UA"));

    [Theory]
    [InlineData(1, "proposal")]
    [InlineData(2, "proposals")]
    [InlineData(21, "proposals")]
    public void Plural_English(int n, string expected) =>
        Assert.Equal(expected, Plural.Choose(n, "proposal|proposals", "en"));
}
