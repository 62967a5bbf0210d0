using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hromada.BroadcastBench;

/// <summary>
/// A Telegram Bot API on 127.0.0.1 that, like Telegram, accepts at most <see cref="PerSecond"/> sendMessage calls in any
/// second (a sliding window over the accepted ones) and answers the rest 429 with retry_after.
/// </summary>
internal sealed class RateLimitedTelegram(int perSecond, int retryAfterSeconds) : IAsyncDisposable
{
    public const string Token = "123456789:BROADCAST-bench_token_for_the_fake";
    private static readonly byte[] True = """{"ok":true,"result":true}"""u8.ToArray();
    private readonly Queue<long> _window = new();
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<long, int> _perChat = new();
    private WebApplication? _app;
    private int _messageId;
    private long _accepted;
    private long _refused;

    public int PerSecond { get; } = perSecond;
    public string BaseUrl { get; private set; } = "";
    public long Accepted => Interlocked.Read(ref _accepted);
    public long Refused => Interlocked.Read(ref _refused);
    public long FirstAt { get; private set; }
    public long LastAt { get; private set; }

    /// <summary>Chats that got the text more than once.</summary>
    public int Duplicates => _perChat.Values.Count(n => n > 1);

    public int Chats => _perChat.Count;

    /// <summary>True when the text has reached <paramref name="chat"/> (at least once).</summary>
    public bool Reached(long chat) => _perChat.ContainsKey(chat);

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
        http.Response.ContentType = "application/json";
        if (method != "sendMessage")
        {
            await http.Response.Body.WriteAsync(True);
            return;
        }
        using var doc = await JsonDocument.ParseAsync(http.Request.Body);
        var chat = doc.RootElement.GetProperty("chat_id") is { ValueKind: JsonValueKind.Number } n
            ? n.GetInt64()
            : long.Parse(doc.RootElement.GetProperty("chat_id").GetString()!, CultureInfo.InvariantCulture);
        var now = Environment.TickCount64;
        bool accepted;
        lock (_gate)
        {
            while (_window.Count > 0 && now - _window.Peek() >= 1000)
            {
                _window.Dequeue();
            }
            accepted = _window.Count < PerSecond;
            if (accepted)
            {
                _window.Enqueue(now);
                FirstAt = FirstAt == 0 ? now : FirstAt;
                LastAt = now;
            }
        }
        if (!accepted)
        {
            Interlocked.Increment(ref _refused);
            http.Response.StatusCode = 429;
            await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(
                $$$"""{"ok":false,"error_code":429,"description":"Too Many Requests: retry after {{{retryAfterSeconds}}}","parameters":{"retry_after":{{{retryAfterSeconds}}}}}"""));
            return;
        }
        Interlocked.Increment(ref _accepted);
        _perChat.AddOrUpdate(chat, 1, (_, c) => c + 1);
        var id = Interlocked.Increment(ref _messageId);
        await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(
            "{\"ok\":true,\"result\":{\"message_id\":" + id.ToString(CultureInfo.InvariantCulture)
            + ",\"date\":1793000000,\"chat\":{\"id\":" + chat.ToString(CultureInfo.InvariantCulture) + ",\"type\":\"private\"}}}"));
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
