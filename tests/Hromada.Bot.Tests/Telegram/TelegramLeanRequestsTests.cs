using System.Text.Json;
using System.Text.Json.Nodes;
using Hromada.Bot.Telegram;
using Telegram.Bot;
using Telegram.Bot.Requests;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace Hromada.Bot.Tests.Telegram;

/// <summary>
/// The lighter sendMessage and editMessageReplyMarkup say to the Bot API exactly what Telegram.Bot's own requests say
/// (the same JSON, field by field), and read any result — a message, or <c>true</c> — without failing. The calls
/// themselves run against the fake Bot API in the conversation and delivery tests.
/// </summary>
public sealed class TelegramLeanRequestsTests
{
    private static readonly InlineKeyboardMarkup Keyboard = new(new[]
    {
        new[] { InlineKeyboardButton.WithCallbackData("Так", "yes"), InlineKeyboardButton.WithCallbackData("Ні", "no") },
        new[] { InlineKeyboardButton.WithCallbackData("Дуже довга назва кнопки про «щось» важливе", "long:1") },
        new[] { InlineKeyboardButton.WithUrl("Квитанція", "https://bot.example-hromada.gov.ua/r/abc?x=1&y=2") },
    });

    public static TheoryData<string> Texts => new()
    {
        "Вітаємо! Громадаʼs <b>пропозиції</b> &amp; \"лапки\" 'апостроф'",
        "emoji 🏡 and a line\nbreak, a tab\t and \\ backslash",
        "",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public async Task SendText_WithButtons_IsTheSameJsonAsTelegramBots(string text)
    {
        var lean = new TelegramLeanRequests.SendText(4242, text, Keyboard);
        var own = new SendMessageRequest
        {
            ChatId = 4242,
            Text = text,
            ParseMode = ParseMode.Html,
            ReplyMarkup = Keyboard,
            LinkPreviewOptions = new LinkPreviewOptions { IsDisabled = true },
        };

        AssertSameJson(await BodyAsync(own), await BodyAsync(lean));
        Assert.Equal("sendMessage", lean.MethodName);
    }

    [Fact]
    public async Task SendText_WithoutButtons_ToAChannelByName_IsTheSameJsonAsTelegramBots()
    {
        var lean = new TelegramLeanRequests.SendText("@hromada_news", "Оголошення", markup: null);
        var own = new SendMessageRequest
        {
            ChatId = "@hromada_news",
            Text = "Оголошення",
            ParseMode = ParseMode.Html,
            LinkPreviewOptions = new LinkPreviewOptions { IsDisabled = true },
        };

        AssertSameJson(await BodyAsync(own), await BodyAsync(lean));
    }

    [Fact]
    public async Task EditKeyboard_WithNewButtons_AndTakingThemOff_IsTheSameJsonAsTelegramBots()
    {
        var put = new TelegramLeanRequests.EditKeyboard(4242, 77, Keyboard);
        var off = new TelegramLeanRequests.EditKeyboard(4242, 77, markup: null);

        AssertSameJson(await BodyAsync(new EditMessageReplyMarkupRequest { ChatId = 4242, MessageId = 77, ReplyMarkup = Keyboard }), await BodyAsync(put));
        AssertSameJson(await BodyAsync(new EditMessageReplyMarkupRequest { ChatId = 4242, MessageId = 77 }), await BodyAsync(off));
        Assert.Equal("editMessageReplyMarkup", put.MethodName);
        Assert.Equal("application/json", put.ToHttpContent()!.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("""{"ok":true,"result":{"message_id":5,"date":1,"chat":{"id":4242,"type":"private"},"text":"x","reply_markup":{"inline_keyboard":[[{"text":"a","callback_data":"b"}]]}}}""")]
    [InlineData("""{"ok":true,"result":true}""")]
    public void AnyResult_IsReadWithoutFailing(string answer)
    {
        var response = JsonSerializer.Deserialize<ApiResponse<TelegramLeanRequests.Skipped>>(answer, JsonBotAPI.Options);

        Assert.True(response!.Ok);
        Assert.Same(TelegramLeanRequests.Skipped.Value, response.Result);
    }

    private static async Task<JsonNode> BodyAsync(global::Telegram.Bot.Requests.Abstractions.IRequest request) =>
        JsonNode.Parse(await request.ToHttpContent()!.ReadAsStringAsync())!;

    private static void AssertSameJson(JsonNode expected, JsonNode actual) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"expected {expected.ToJsonString()}\n  actual {actual.ToJsonString()}");
}
