using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Hromada.LoadTest;

/// <summary>What one run counted.</summary>
internal sealed class RunStats : IDisposable
{
    public long WindowStart;
    public long WindowEnd;
    public volatile bool Stopping;
    private readonly CancellationTokenSource _stop = new();

    /// <summary>Cancelled when the run stops (an open-loop resident stops waiting for its slot).</summary>
    public CancellationToken Stop => _stop.Token;

    public void StopNow()
    {
        Stopping = true;
        _stop.Cancel();
    }

    public void Dispose() => _stop.Dispose();
    public readonly ConcurrentQueue<long> Latencies = new();
    public long Turns;
    public long Errors;
    public long Timeouts;
    public long Confirms;

    /// <summary>Deliveries not answered 2xx and sent again (with redelivery, as Telegram does).</summary>
    public long Redeliveries;

    /// <summary>Per chat: "send" presses answered 2xx, i.e. proposals the bot owes that chat.</summary>
    public readonly ConcurrentDictionary<long, int> ConfirmsByChat = new();

    /// <summary>Chats that got at least one answer.</summary>
    public readonly ConcurrentDictionary<long, bool> Answered = new();
    public readonly ConcurrentDictionary<string, int> References = new();
    public readonly ConcurrentQueue<long> HeldResidentLatencies = new();

    public bool InWindow(long at) => at >= WindowStart && at <= WindowEnd;
}

/// <summary>
/// Residents that post Telegram updates to a webhook, one turn at a time, and wait for the bot's answer. With several
/// instances, updates go to them in turn, as a load balancer would spread them (one resident's steps land on different ones).
/// </summary>
internal sealed partial class Residents(HttpClient webhook, IReadOnlyList<string> webhookUrls, FakeTelegram telegram, RunStats stats)
{
    private int _nextUrl;

    public const string Secret = "load-test_secret";
    private const string ProposalText = "Пропоную відремонтувати дорогу до школи в нашому селі: восени там не пройти й не проїхати.";
    private static readonly TimeSpan TurnTimeout = TimeSpan.FromSeconds(30);
    private int _updateId;

    public bool Trace { get; init; }

    /// <summary>An update not answered 2xx is delivered again (same update_id) until it is, as Telegram does.</summary>
    public bool Redeliver { get; init; }

    /// <summary>With <c>--rate</c>: each update waits for its slot instead of following the last answer at once.</summary>
    public OpenLoop? Pace { get; init; }

    /// <summary>Hromada.Bot: the whole questionnaire again and again, the shortest way.</summary>
    public async Task QuestionnaireAsync(long chatId, bool held)
    {
        var chat = telegram.Chat(chatId);
        var action = Action.Text("/start");
        var pickedGroup = false;
        while (!stats.Stopping)
        {
            var (answer, latency) = await TurnAsync(chatId, chat, action, expectsPrompt: action.ExpectsPrompt);
            if (answer is null)
            {
                action = Action.Text("/start");
                pickedGroup = false;
                continue;
            }
            if (latency is { } inWindow)
            {
                (held ? stats.HeldResidentLatencies : stats.Latencies).Enqueue(inWindow);
            }
            var previous = action;
            action = Next(answer, ref pickedGroup);
            if (Trace && chatId % 1000 == 0)
            {
                Console.WriteLine($"  {previous.TypedText ?? previous.Data} → {answer.Text.Split('\n')[0]} [{string.Join(", ", answer.Inline.Select(b => b.Data).Concat(answer.ReplyKeyboard))}] ({latency} ms)");
            }
        }
    }

    /// <summary>The echo bot: the same mix of typed messages and button presses, one answer each.</summary>
    public async Task EchoAsync(long chatId)
    {
        var chat = telegram.Chat(chatId);
        // The questionnaire's mix: /start, eight buttons, the proposal, name and contact typed, then send and "no news".
        string[] kinds = ["/start", "cb", "cb", "cb", "cb", "cb", "cb", "cb", "cb", ProposalText, "Олена Петренко, meshkanka@example.com", "cb", "cb"];
        for (var i = 0; !stats.Stopping; i++)
        {
            var kind = kinds[i % kinds.Length];
            var action = kind == "cb" ? Action.Press("x:1", 1) : Action.Text(kind);
            var (_, latency) = await TurnAsync(chatId, chat, action, expectsPrompt: true);
            if (latency is { } inWindow)
            {
                stats.Latencies.Enqueue(inWindow);
            }
        }
    }

    /// <summary>
    /// The shortest way through whatever the bot asks: agree, take the first real option, pick one group then "done",
    /// type the proposal where no button is offered, a name and e-mail where the contact is asked, send, decline news.
    /// </summary>
    private static Action Next(BotMessage m, ref bool pickedGroup)
    {
        if (m.ReplyKeyboard.Count > 0)
        {
            // The contact question (a reply keyboard with the share-contact button): name and e-mail in one message.
            return Action.Text("Олена Петренко, meshkanka@example.com");
        }
        if (m.Inline.Count == 0)
        {
            return Action.Text(ProposalText);
        }
        var data = m.Inline.Select(b => b.Data).ToList();
        var send = data.FirstOrDefault(d => d.EndsWith(":send", StringComparison.Ordinal));
        if (send is not null)
        {
            return Action.Press(send, m.Id);
        }
        var done = data.FirstOrDefault(d => d.EndsWith(":done", StringComparison.Ordinal));
        if (done is not null)
        {
            pickedGroup = !pickedGroup;
            var prefix = done[..(done.IndexOf(':', StringComparison.Ordinal) + 1)];
            return Action.Press(pickedGroup ? data.First(d => d.StartsWith(prefix, StringComparison.Ordinal) && d != done) : done, m.Id);
        }
        foreach (var wanted in new[] { "consent:yes", "subscribe:no", "menu:new" })
        {
            if (data.Contains(wanted))
            {
                return Action.Press(wanted, m.Id);
            }
        }
        var first = data.FirstOrDefault(d => RealOption().IsMatch(d)) ?? data[0];
        return Action.Press(first, m.Id, expectsPrompt: first.StartsWith("topic:", StringComparison.Ordinal));
    }

    [GeneratedRegex("^[a-z-]+:([a-z-]+:)?[0-9]+$")]
    private static partial Regex RealOption();

    /// <summary>
    /// One update and the bot's answer to it; the latency only for a turn inside the measured window (sent and answered
    /// in it), as the throughput counts turns — the warm-up's first turns (a cold host) are not the run's latency.
    /// </summary>
    private async Task<(BotMessage? Answer, long? Latency)> TurnAsync(long chatId, System.Threading.Channels.Channel<BotMessage> chat, Action action, bool expectsPrompt)
    {
        while (chat.Reader.TryRead(out _))
        {
            // Late parts of an earlier answer.
        }
        if (Pace is { } pace)
        {
            try
            {
                await pace.WaitAsync(stats.Stop);
            }
            catch (OperationCanceledException)
            {
                return (null, null);
            }
            while (chat.Reader.TryRead(out _))
            {
                // Late parts of an earlier answer that came while this update waited for its slot.
            }
        }
        var started = Environment.TickCount64;
        var update = action.ToUpdate(Interlocked.Increment(ref _updateId), chatId);
        while (true)
        {
            if (await DeliverAsync(update))
            {
                break;
            }
            if (!Redeliver || stats.Stopping)
            {
                Interlocked.Increment(ref stats.Errors);
                return (null, null);
            }
            // Telegram delivers an update again until the webhook answers 2xx, with the same update_id.
            Interlocked.Increment(ref stats.Redeliveries);
            await Task.Delay(250);
        }
        if (action.Data == "sum:send")
        {
            // Counted once Telegram would consider it delivered: the bot owes a proposal for it from now on.
            Interlocked.Increment(ref stats.Confirms);
            stats.ConfirmsByChat.AddOrUpdate(chatId, 1, (_, n) => n + 1);
        }
        using var timeout = new CancellationTokenSource(TurnTimeout);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            while (true)
            {
                var m = await chat.Reader.ReadAsync(timeout.Token);
                if (m.At < started)
                {
                    // A late part of an earlier answer, sent before this update was: not its answer.
                    continue;
                }
                // One answer names its reference in the text and again in the receipt link, maybe over two messages:
                // a reference counts once per answer, so "duplicated" means a proposal confirmed by two answers.
                foreach (Match reference in ReferencePattern().Matches(m.Text))
                {
                    if (seen.Add(reference.Value))
                    {
                        stats.References.AddOrUpdate(reference.Value, 1, (_, n) => n + 1);
                    }
                }
                if (m.AsksSomething || expectsPrompt)
                {
                    stats.Answered.TryAdd(chatId, true);
                    if (stats.InWindow(started) && stats.InWindow(m.At))
                    {
                        Interlocked.Increment(ref stats.Turns);
                        return (m, m.At - started);
                    }
                    return (m, null);
                }
            }
        }
        catch (OperationCanceledException)
        {
            Interlocked.Increment(ref stats.Timeouts);
            return (null, null);
        }
    }

    /// <summary>One delivery of an update to the webhook (an instance, or nginx): true when answered 2xx.</summary>
    private async Task<bool> DeliverAsync(string update)
    {
        try
        {
            using var content = new StringContent(update, Encoding.UTF8, "application/json");
            var url = webhookUrls[(int)((uint)Interlocked.Increment(ref _nextUrl) % (uint)webhookUrls.Count)];
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", Secret);
            using var response = await webhook.SendAsync(request);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false; // the client's 60 s timeout
        }
    }

    [GeneratedRegex(@"P-\d{4}-\d{5}")]
    private static partial Regex ReferencePattern();

    private sealed record Action(string? TypedText, string? Data, int MessageId, bool ExpectsPrompt)
    {
        public static Action Text(string text) => new(text, null, 0, false);

        public static Action Press(string data, int messageId, bool expectsPrompt = false) => new(null, data, messageId, expectsPrompt);

        public string ToUpdate(int updateId, long chatId)
        {
            var id = updateId.ToString(CultureInfo.InvariantCulture);
            var chat = chatId.ToString(CultureInfo.InvariantCulture);
            var from = "{\"id\":" + chat + ",\"is_bot\":false,\"first_name\":\"Мешканка\",\"language_code\":\"uk\"}";
            var chatJson = "{\"id\":" + chat + ",\"type\":\"private\",\"first_name\":\"Мешканка\"}";
            if (TypedText is { } text)
            {
                return "{\"update_id\":" + id + ",\"message\":{\"message_id\":" + id + ",\"date\":1793000000,\"chat\":" + chatJson
                    + ",\"from\":" + from + ",\"text\":" + JsonSerializer.Serialize(text) + "}}";
            }
            var messageId = MessageId.ToString(CultureInfo.InvariantCulture);
            return "{\"update_id\":" + id + ",\"callback_query\":{\"id\":\"cb" + id + "\",\"from\":" + from + ",\"chat_instance\":\"ci" + chat
                + "\",\"data\":" + JsonSerializer.Serialize(Data) + ",\"message\":{\"message_id\":" + messageId + ",\"date\":1793000000,\"chat\":" + chatJson + ",\"text\":\"…\"}}}";
        }
    }

    public static HttpClient CreateClient(int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
    })
    { Timeout = TimeSpan.FromSeconds(60) };

    public static void AcceptJson(HttpClient client) => client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
}
