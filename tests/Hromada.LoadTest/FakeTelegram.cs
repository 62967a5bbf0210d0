using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hromada.LoadTest;

/// <summary>A message the bot sent to a chat: its text and the buttons offered (inline callback data or reply-keyboard texts).</summary>
internal sealed record BotMessage(int Id, string Text, IReadOnlyList<(string Label, string Data)> Inline, IReadOnlyList<string> ReplyKeyboard, long At)
{
    /// <summary>
    /// Buttons the resident answers with: callback buttons or a reply keyboard. A link button (the receipt's) asks nothing:
    /// the question after it is the answer's end.
    /// </summary>
    public bool AsksSomething => Inline.Any(b => b.Data.Length > 0) || ReplyKeyboard.Count > 0;
}

/// <summary>
/// A fast Telegram Bot API on 127.0.0.1 speaking the real envelope: /bot{token}/{method}, {"ok":true,"result":…}, the
/// 429 shape with parameters.retry_after. Every sendMessage, and every edit putting new buttons on a message, is handed
/// to the resident whose chat it is.
/// </summary>
internal sealed class FakeTelegram : IAsyncDisposable
{
    public const string Token = "123456789:LOAD-test_token_for_the_fake";
    private static readonly byte[] True = """{"ok":true,"result":true}"""u8.ToArray();
    private readonly ConcurrentDictionary<long, System.Threading.Channels.Channel<BotMessage>> _chats = new();
    private WebApplication? _app;
    private int _messageId;
    private long _heldChat;
    private int _heldAnswered;

    public string BaseUrl { get; private set; } = "";
    public long Calls;
    public long HeldAt;
    public long HeldRetriedAt;

    public System.Threading.Channels.Channel<BotMessage> Chat(long chatId) =>
        _chats.GetOrAdd(chatId, _ => System.Threading.Channels.Channel.CreateUnbounded<BotMessage>());

    /// <summary>The next sendMessage to <paramref name="chatId"/> is answered 429 with retry_after 10.</summary>
    public void Hold(long chatId) => Volatile.Write(ref _heldChat, chatId);

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/bot{token}/{method}", HandleAsync);
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    private async Task HandleAsync(HttpContext http, string method)
    {
        Interlocked.Increment(ref Calls);
        http.Response.ContentType = "application/json";
        if (method is not ("sendMessage" or "editMessageReplyMarkup" or "editMessageText"))
        {
            await http.Response.Body.WriteAsync(True);
            return;
        }
        using var doc = await JsonDocument.ParseAsync(http.Request.Body);
        var root = doc.RootElement;
        var chatId = root.GetProperty("chat_id") is { ValueKind: JsonValueKind.Number } n ? n.GetInt64() : long.Parse(root.GetProperty("chat_id").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        if (method == "sendMessage" && chatId == Volatile.Read(ref _heldChat) && Interlocked.Exchange(ref _heldAnswered, 1) == 0)
        {
            HeldAt = Environment.TickCount64;
            http.Response.StatusCode = 429;
            await http.Response.Body.WriteAsync("""{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 10","parameters":{"retry_after":10}}"""u8.ToArray());
            return;
        }
        if (method == "sendMessage" && chatId == Volatile.Read(ref _heldChat) && HeldAt != 0 && HeldRetriedAt == 0)
        {
            HeldRetriedAt = Environment.TickCount64;
        }
        var edit = method != "sendMessage" && root.TryGetProperty("message_id", out var edited) && edited.ValueKind == JsonValueKind.Number;
        var id = edit ? root.GetProperty("message_id").GetInt32() : Interlocked.Increment(ref _messageId);
        // A message, or new buttons on one already sent (the bot ticks a social group that way): the resident's answer.
        if (method == "sendMessage" || (edit && method == "editMessageReplyMarkup" && root.TryGetProperty("reply_markup", out var buttons)
            && buttons.ValueKind == JsonValueKind.Object && buttons.TryGetProperty("inline_keyboard", out _)))
        {
            Chat(chatId).Writer.TryWrite(Read(id, root));
        }
        // What the Bot API answers: the whole Message, with the bot as sender and the keyboard it was sent with.
        var result = new StringBuilder(512)
            .Append("{\"ok\":true,\"result\":{\"message_id\":").Append(id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Append(",\"from\":{\"id\":123456789,\"is_bot\":true,\"first_name\":\"Громада\",\"username\":\"hromada_load_bot\"}")
            .Append(",\"chat\":{\"id\":").Append(chatId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Append(",\"first_name\":\"Мешканка\",\"type\":\"private\"},\"date\":1793000000");
        if (root.TryGetProperty("text", out var text))
        {
            result.Append(",\"text\":").Append(text.GetRawText());
        }
        if (root.TryGetProperty("reply_markup", out var markup) && markup.ValueKind == JsonValueKind.Object && markup.TryGetProperty("inline_keyboard", out _))
        {
            result.Append(",\"reply_markup\":").Append(markup.GetRawText());
        }
        result.Append("}}");
        await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(result.ToString()));
    }

    private static BotMessage Read(int id, JsonElement root)
    {
        var text = root.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "";
        var inline = new List<(string, string)>();
        var reply = new List<string>();
        if (root.TryGetProperty("reply_markup", out var markup) && markup.ValueKind == JsonValueKind.Object)
        {
            if (markup.TryGetProperty("inline_keyboard", out var rows))
            {
                foreach (var row in rows.EnumerateArray())
                {
                    foreach (var b in row.EnumerateArray())
                    {
                        inline.Add((b.GetProperty("text").GetString()!, b.TryGetProperty("callback_data", out var d) ? d.GetString()! : ""));
                    }
                }
            }
            if (markup.TryGetProperty("keyboard", out var keys))
            {
                foreach (var row in keys.EnumerateArray())
                {
                    foreach (var b in row.EnumerateArray())
                    {
                        if (!b.TryGetProperty("request_contact", out var rc) || !rc.GetBoolean())
                        {
                            reply.Add(b.GetProperty("text").GetString()!);
                        }
                    }
                }
            }
        }
        return new BotMessage(id, text, inline, reply, Environment.TickCount64);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
