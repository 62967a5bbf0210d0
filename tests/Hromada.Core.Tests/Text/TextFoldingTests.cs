using Hromada.Core.Text;

namespace Hromada.Core.Tests.Text;

public sealed class TextFoldingTests
{
    [Theory]
    [InlineData("Кам'янка", "камʼянка")]
    [InlineData("  КАМ’ЯНКА ", "камʼянка")]
    [InlineData("Кам‘янка", "камʼянка")]
    [InlineData("Кам`янка", "камʼянка")]
    [InlineData("Кам´янка", "камʼянка")]
    [InlineData("Зелений \t  Діл", "зелений діл")]
    [InlineData("Відремонтувати\n\nтротуар", "відремонтувати тротуар")]
    [InlineData("Івано–Франківськ", "івано-франківськ")]
    [InlineData("Івано—Франківськ", "івано-франківськ")]
    [InlineData("ҐЕЙТ ЇЖАК", "ґейт їжак")]
    [InlineData(null, "")]
    public void Fold_MakesOneFormOfApostrophesDashesCaseAndSpaces(string? text, string expected) =>
        Assert.Equal(expected, TextFolding.Fold(text));

    [Theory]
    [InlineData("Камʼянка", "камянка")]
    [InlineData("кам'янка", "камянка")]
    [InlineData("Пʼять ' родин", "пять родин")]
    public void Key_LeavesTheApostropheOut(string text, string expected) =>
        Assert.Equal(expected, TextFolding.Key(text));

    [Fact]
    public void Key_OfANameWithAndWithoutItsApostrophe_IsTheSame() =>
        Assert.Equal(TextFolding.Key("Марʼяна"), TextFolding.Key("Маряна"));

    [Theory]
    [InlineData(" O’Neill@Example.com ", "o'neill@example.com")]
    [InlineData("olena@example.com", "olena@example.com")]
    [InlineData("  ", null)]
    public void EmailKey_FoldsCaseAndApostropheFormsOnly(string email, string? expected) =>
        Assert.Equal(expected, TextFolding.EmailKey(email));
}
