using Hromada.Bot.Messenger;

namespace Hromada.Bot.Tests.Messenger;

public sealed class MessengerLayoutTests
{
    [Theory]
    [InlineData(13, 1)]
    [InlineData(14, 2)]
    [InlineData(24, 2)]
    [InlineData(25, 3)]
    [InlineData(60, 6)]
    public void Pages_CoverEveryItemOnce_AndFitThirteenQuickRepliesWithNavigation(int count, int expectedPages)
    {
        var pages = MessengerLayout.Pages(count);

        Assert.Equal(expectedPages, pages.Count);
        Assert.Equal(Enumerable.Range(0, count), pages.SelectMany(p => Enumerable.Range(p.Start, p.Count)));
        for (var i = 0; i < pages.Count; i++)
        {
            var navigation = (i > 0 ? 1 : 0) + (i < pages.Count - 1 ? 1 : 0);
            Assert.InRange(pages[i].Count + navigation, 1, 13);
        }
    }

    [Fact]
    public void SplitText_WithoutParagraphsOrSpaces_StillFitsAndKeepsEveryCharacter()
    {
        var text = new string('а', 4500);

        var parts = MessengerLayout.SplitText(text);

        Assert.Equal([2000, 2000, 500], parts.Select(p => p.Length));
        Assert.Equal(text, string.Concat(parts));
    }

    [Fact]
    public void SplitText_ShortText_IsOneMessage() =>
        Assert.Equal(["Дякуємо!\n\nВаш номер: ZD-0001"], MessengerLayout.SplitText("Дякуємо!\n\nВаш номер: ZD-0001"));

    [Theory]
    [InlineData("Освіта", "Освіта")]
    [InlineData("Рівно двадцять літер", "Рівно двадцять літер")]
    [InlineData("Житлово-комунальне господарство", "Житлово-комунальне…")]
    [InlineData("🏫🏫🏫🏫🏫🏫🏫🏫🏫🏫🏫🏫🏫🏫🏫🏫🏫🏫🏫🏫🏫", "🏫🏫🏫🏫🏫🏫🏫🏫🏫…")]
    public void Title_IsAtMostTwentyCharacters(string label, string expected) =>
        Assert.Equal(expected, MessengerLayout.Title(label));
}
