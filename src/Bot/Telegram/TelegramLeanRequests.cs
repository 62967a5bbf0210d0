using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Telegram.Bot.Requests;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace Hromada.Bot.Telegram;

/// <summary>
/// The two Bot API calls of nearly every reply — <c>sendMessage</c> with HTML text and inline buttons (or none), and
/// <c>editMessageReplyMarkup</c> (the answered question's buttons taken off, or the ticks put on) — as requests of the
/// real Telegram.Bot client (<c>ITelegramBotClient.SendRequest</c>: its HTTP client, its
/// errors — <c>ApiRequestException</c> with the code and retry_after), but lighter: the
/// body is written straight to UTF-8 with only the fields these calls use, and the result is skipped, not read into a
/// <see cref="Message"/> (its chat, sender and buttons, which nothing here uses). Telegram.Bot's own requests serialise
/// through reflection over dozens of optional fields and read the whole message back: ~6 % of the host's CPU under the
/// load tool (perf, 7 Dec 2026). Everything else (pictures, the contact request's reply keyboard, callbacks) goes through
/// Telegram.Bot's own requests.
/// </summary>
internal static class TelegramLeanRequests
{
    private static readonly JsonWriterOptions Writing = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Whether <see cref="SendText"/> can carry <paramref name="markup"/>: none, or inline buttons.</summary>
    public static bool Carries(ReplyMarkup? markup) => markup is null or InlineKeyboardMarkup;

    /// <summary><c>sendMessage</c>: HTML text, no link preview, inline buttons or none.</summary>
    public sealed class SendText(ChatId chat, string html, InlineKeyboardMarkup? markup) : RequestBase<Skipped>("sendMessage")
    {
        public override HttpContent ToHttpContent() => Body(w =>
        {
            WriteChat(w, chat);
            w.WriteString("text"u8, html);
            // As Telegram.Bot writes ParseMode.Html (the Bot API takes the mode in any case).
            w.WriteString("parse_mode"u8, "Html"u8);
            w.WriteStartObject("link_preview_options"u8);
            w.WriteBoolean("is_disabled"u8, true);
            w.WriteEndObject();
            WriteMarkup(w, markup);
        });
    }

    /// <summary><c>editMessageReplyMarkup</c>: the message's inline buttons replaced by <paramref name="markup"/>, or taken off (null).</summary>
    public sealed class EditKeyboard(ChatId chat, int messageId, InlineKeyboardMarkup? markup) : RequestBase<Skipped>("editMessageReplyMarkup")
    {
        public override HttpContent ToHttpContent() => Body(w =>
        {
            WriteChat(w, chat);
            w.WriteNumber("message_id"u8, messageId);
            WriteMarkup(w, markup);
        });
    }

    /// <summary>A call's result, not read (a message, or <c>true</c>): the call's success is its <c>ok</c>.</summary>
    [JsonConverter(typeof(SkippedConverter))]
    public sealed class Skipped
    {
        public static readonly Skipped Value = new();
    }

    private sealed class SkippedConverter : JsonConverter<Skipped>
    {
        public override Skipped Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            reader.Skip();
            return Skipped.Value;
        }

        public override void Write(Utf8JsonWriter writer, Skipped value, JsonSerializerOptions options) => writer.WriteNullValue();
    }

    private static ByteArrayContent Body(Action<Utf8JsonWriter> fields)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer, Writing))
        {
            w.WriteStartObject();
            fields(w);
            w.WriteEndObject();
        }
        var content = new ByteArrayContent(buffer.WrittenSpan.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private static void WriteChat(Utf8JsonWriter w, ChatId chat)
    {
        if (chat.Identifier is { } id)
        {
            w.WriteNumber("chat_id"u8, id);
        }
        else
        {
            w.WriteString("chat_id"u8, chat.Username);
        }
    }

    private static void WriteMarkup(Utf8JsonWriter w, InlineKeyboardMarkup? markup)
    {
        if (markup is null)
        {
            return;
        }
        w.WriteStartObject("reply_markup"u8);
        w.WriteStartArray("inline_keyboard"u8);
        foreach (var row in markup.InlineKeyboard)
        {
            w.WriteStartArray();
            foreach (var button in row)
            {
                w.WriteStartObject();
                w.WriteString("text"u8, button.Text);
                if (button.CallbackData is { } data)
                {
                    w.WriteString("callback_data"u8, data);
                }
                if (button.Url is { } url)
                {
                    w.WriteString("url"u8, url);
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
