using Hromada.Core.Text;

namespace Hromada.Core.Tests.Text;

public class TextSanitiserTests
{
    [Fact]
    public void Clean_VerticalTabFromWord_IsRemoved() =>
        Assert.Equal("Ремонт дороги", TextSanitiser.Clean("Ремонт \u000Bдороги"));

    [Theory]
    [InlineData("a\u000Bb", "ab")]
    [InlineData("a\u0000b\u001Fc", "abc")]
    [InlineData("рядок\r\nрядок\rрядок", "рядок\nрядок\nрядок")]
    [InlineData("txt\u202Egnp.exe", "txtgnp.exe")]
    [InlineData("\u2066ізольовано\u2069", "ізольовано")]
    [InlineData("tab\tand\nnewline stay", "tab\tand\nnewline stay")]
    [InlineData("прапор 🇺🇦 лишається", "прапор 🇺🇦 лишається")]
    public void Clean_RemovesWhatBreaksXmlOrReadsBackwards(string input, string expected) =>
        Assert.Equal(expected, TextSanitiser.Clean(input));

    [Fact]
    public void Clean_LoneSurrogate_IsRemoved() =>
        Assert.Equal("lone  surrogate", TextSanitiser.Clean("lone " + '\uD83D' + " surrogate"));

    [Fact]
    public void Clean_CleanText_IsTheSameInstance()
    {
        var text = "Облаштувати укриття в школі";
        Assert.Same(text, TextSanitiser.Clean(text));
        Assert.Null(TextSanitiser.Clean(null));
    }
}
