using Hromada.Core.Announcements;
using Hromada.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using static Hromada.Core.Tests.Announcements.AnnouncementTestData;

namespace Hromada.Core.Tests.Announcements;

public sealed class AnnouncementCardTests
{
    private const string Hromada = "Зеленодільська сільська громада";

    private static SKBitmap Decode(byte[] jpeg, out SKEncodedImageFormat format)
    {
        using var codec = SKCodec.Create(new MemoryStream(jpeg)) ?? throw new InvalidOperationException("Not an image.");
        format = codec.EncodedFormat;
        return SKBitmap.Decode(codec);
    }

    /// <summary>Pixels of <paramref name="bitmap"/> within the rectangle that are not the card's background colour.</summary>
    private static int Inked(SKBitmap bitmap, int top, int bottom)
    {
        var background = Decode(AnnouncementCard.RenderJpeg(new AnnouncementCardContent("", "", null, "")), out _).GetPixel(540, 540);
        var inked = 0;
        for (var y = top; y < bottom; y += 2)
        {
            for (var x = 80; x < 1000; x += 2)
            {
                var p = bitmap.GetPixel(x, y);
                if (Math.Abs(p.Red - background.Red) + Math.Abs(p.Green - background.Green) + Math.Abs(p.Blue - background.Blue) > 120)
                {
                    inked++;
                }
            }
        }
        return inked;
    }

    [Fact]
    public void Card_IsASquareJpegOf1080Pixels()
    {
        var jpeg = AnnouncementCard.RenderJpeg(new AnnouncementCardContent(Hromada, "Громадські слухання", "25 листопада о 17:00, будинок культури.", "7 грудня 2026"));

        using var bitmap = Decode(jpeg, out var format);
        Assert.Equal(SKEncodedImageFormat.Jpeg, format);
        Assert.Equal((1080, 1080), (bitmap.Width, bitmap.Height));
        Assert.Equal([0xFF, 0xD8, 0xFF], jpeg[..3]);
    }

    [Fact]
    public void LongestTitleAllowed_FitsTheCard_AndIsDrawn()
    {
        var words = "Обʼєднана територіальна громада збирає пропозиції мешканців до програми комплексного відновлення ґрунтів, " +
            "їхніх лісів та шкіл; пишіть у чат-бот, приходьте до ЦНАП або надсилайте листи на адресу сільської ради щодня";
        var title = words[..AnnouncementValidator.TitleMaxLength];
        var widest = new string('Щ', AnnouncementValidator.TitleMaxLength);

        var jpeg = AnnouncementCard.RenderJpeg(new AnnouncementCardContent(Hromada, title, "Текст оголошення йде підписом до допису.", "7 грудня 2026"));
        var empty = AnnouncementCard.RenderJpeg(new AnnouncementCardContent(Hromada, "", null, "7 грудня 2026"));

        Assert.Equal(AnnouncementValidator.TitleMaxLength, title.Length);
        Assert.True(AnnouncementCard.HeadlineFits(title), "the longest title fits");
        Assert.True(AnnouncementCard.HeadlineFits(widest), "the longest title of the widest letter fits");
        using var card = Decode(jpeg, out _);
        using var blank = Decode(empty, out _);
        var (inked, bare) = (Inked(card, 250, 900), Inked(blank, 250, 900));
        Assert.True(inked > 20 * bare + 1000, $"the headline area is drawn on: {inked} pixels against {bare} on a card without a headline");
    }

    [Fact]
    public void ShippedFont_HasEveryUkrainianLetter_AndTheApostrophe()
    {
        const string letters = "АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯабвгґдеєжзиіїйклмнопрстуфхцчшщьюяʼ’«»—…№";

        Assert.Equal("", AnnouncementCard.MissingGlyphs(letters));
        Assert.Equal("🙂", AnnouncementCard.MissingGlyphs("Вітаємо 🙂!"));
    }

    [Fact]
    public void Split_TakesTheTitleAsHeadline_OrElseTheTextsFirstLine()
    {
        Assert.Equal(("Слухання", "Перший абзац."), AnnouncementCard.Split("Слухання", "Перший абзац.\n\nДругий."));
        Assert.Equal(("Перший рядок", "Другий абзац."), AnnouncementCard.Split(null, "Перший рядок\n\nДругий абзац."));
        Assert.Equal(("Лише рядок", null), AnnouncementCard.Split(" ", "Лише рядок"));
    }

    private static async Task<AnnouncementValidator.Outcome> ValidateAsync(string? title, string text)
    {
        await using var host = await CoreTestHost.StartAsync(AllChannels(new Dictionary<string, string?>
        {
            ["Hromada:Instagram:AccessToken"] = "ig-test-token",
            ["Hromada:Instagram:UserId"] = "17841400000000001",
        }));
        await using var scope = host.Scope();
        return scope.ServiceProvider.GetRequiredService<AnnouncementValidator>().Validate(
            new AnnouncementInput(title, text, ["Instagram"], host.Time.GetUtcNow().AddDays(1), null), AnnouncementKind.Manual);
    }

    [Fact]
    public async Task Instagram_CaptionAtItsLimit_IsAccepted_AndItsHashtagsAndMentionsAreCounted()
    {
        var atLimit = await ValidateAsync("Звіт", new string('ї', 2200));
        var over = await ValidateAsync("Звіт", new string('ї', 2201));
        var tags = await ValidateAsync("Звіт", string.Join(' ', Enumerable.Range(1, 31).Select(i => $"#тег{i}")));
        var thirty = await ValidateAsync("Звіт", string.Join(' ', Enumerable.Range(1, 30).Select(i => $"#тег{i}")) + " пошта: rada@zelenodil.gov.ua");
        var mentions = await ValidateAsync("Звіт", string.Join(' ', Enumerable.Range(1, 21).Select(i => $"@user{i}")));

        Assert.True(atLimit.IsValid);
        Assert.Equal("The text is 2201 characters; Instagram allows at most 2200.", Assert.Single(over.Errors["text"]));
        Assert.Equal("The text has 31 hashtags; Instagram allows at most 30.", Assert.Single(tags.Errors["text"]));
        Assert.True(thirty.IsValid);
        Assert.Equal("The text has 21 @-mentions; Instagram allows at most 20.", Assert.Single(mentions.Errors["text"]));
    }

    [Fact]
    public async Task Instagram_WithoutATitle_AFirstLineTooLongForTheCard_IsRefusedOnTheText()
    {
        var longLine = string.Join(' ', Enumerable.Repeat("Дуже довгий перший рядок без назви,", 40));

        var refused = await ValidateAsync(null, longLine);
        var titled = await ValidateAsync("Коротка назва", longLine);

        Assert.Contains("does not fit Instagram's card", Assert.Single(refused.Errors["text"]), StringComparison.Ordinal);
        Assert.True(titled.IsValid);
    }
}
