using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Bot.Tests.Telegram;
using Npgsql;
using Xunit.Abstractions;

namespace Hromada.Bot.Tests.PostgreSql;

/// <summary>
/// Issue 19: two instances of the service, each in its own process, on one PostgreSQL database, behind Debian's nginx
/// as the load balancer (the upstream and retry rules of deploy/nginx/hromada.conf). Residents fill in the questionnaire
/// through nginx as Telegram would deliver it — an update that is not answered 2xx is delivered again, with the same
/// update_id — while one instance is killed with SIGKILL in the middle and started again a few seconds later.
/// </summary>
public sealed class TwoInstancesBehindNginxTests(ITestOutputHelper output)
{
    private const string Secret = "nginx-two-instances-secret";
    private const int Residents = 12;

    [PostgresNginxFact]
    public async Task Residents_ThroughNginx_WhileOneInstanceIsKilledAndRestarted_EachGetsOneProposal_NoneLostNoneTwice()
    {
        await using var db = await PostgresDatabase.CreateAsync();
        await using var api = await FakeBotApi.StartAsync();
        var folder = Path.Combine(Path.GetTempPath(), "hromada-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var ports = new[] { HostProcess.FreePort(), HostProcess.FreePort() };
        HostProcess?[] hosts = [null, null];
        try
        {
            // One after the other: the first migrates the empty database, the second finds it ready.
            for (var i = 0; i < 2; i++)
            {
                hosts[i] = await StartAsync(i, db, api, ports[i], folder);
            }
            await using var nginx = await NginxProxy.StartAsync(
                [.. ports.Select(p => $"127.0.0.1:{p.ToString(CultureInfo.InvariantCulture)}")],
                new NginxDirectives(
                    Location: "proxy_next_upstream error timeout http_502 http_503 non_idempotent; proxy_connect_timeout 2s; proxy_read_timeout 30s;"));
            using var telegram = new HttpClient { BaseAddress = nginx.Address, Timeout = TimeSpan.FromSeconds(30) };

            var steps = 0;
            var killAt = Residents * 11 / 3;
            var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var residents = Enumerable.Range(0, Residents).Select(i => new NginxResident(telegram, api, 9_100_000L + i, 1_000_000 * (i + 1))).ToList();
            var run = Task.WhenAll(residents.Select(r => r.SubmitAsync(() =>
            {
                if (Interlocked.Increment(ref steps) == killAt)
                {
                    killed.TrySetResult();
                }
            })));

            // A third of the way through, instance 0 dies mid-load (SIGKILL: no shutdown, sends and commits cut off);
            // it is started again five seconds later on the same port, and nginx sends it requests again.
            await Task.WhenAny(killed.Task, run);
            Assert.False(run.IsCompleted, "the residents finished before the kill");
            await hosts[0]!.KillAsync();
            await Task.Delay(TimeSpan.FromSeconds(5));
            hosts[0] = await StartAsync(0, db, api, ports[0], folder);

            await run;
            output.WriteLine($"{Residents} residents, {Volatile.Read(ref steps)} answered steps, instance 0 killed after {killAt}; " +
                $"deliveries not answered 2xx and sent again: {residents.Sum(r => r.Redeliveries)}");

            var references = residents.Select(r => r.Reference).ToList();
            Assert.All(references, r => Assert.Matches(@"^P-2026-\d{5}$", r));
            Assert.Equal(Residents, references.Distinct().Count());
            var stored = await ProposalsAsync(db);
            Assert.Equal(Residents, stored.Count);
            Assert.Equal(references.Order(StringComparer.Ordinal), stored.Select(p => p.Reference).Order(StringComparer.Ordinal));
            Assert.Equal(residents.Select(r => r.Phone).Order(StringComparer.Ordinal), stored.Select(p => p.Phone).Order(StringComparer.Ordinal));
        }
        finally
        {
            foreach (var host in hosts)
            {
                if (host is not null)
                {
                    await host.DisposeAsync();
                }
            }
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static Task<HostProcess> StartAsync(int instance, PostgresDatabase db, FakeBotApi api, int port, string folder) =>
        HostProcess.StartAsync(new Dictionary<string, string>
        {
            ["Hromada__Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__Hromada"] = db.ConnectionString,
            ["Hromada__Pipeline__InstanceId"] = $"nginx-{instance.ToString(CultureInfo.InvariantCulture)}",
            // A dead instance's residents and replies are taken over once its leases run out.
            ["Hromada__Pipeline__LeaseDuration"] = "00:00:10",
            ["Hromada__Pipeline__PollInterval"] = "00:00:01",
            ["Hromada__Telegram__Token"] = FakeBotApi.Token,
            ["Hromada__Telegram__ApiBaseUrl"] = api.BaseUrl,
            ["Hromada__Telegram__Mode"] = "Webhook",
            ["Hromada__Telegram__WebhookUrl"] = "https://bot.example-hromada.gov.ua/telegram/webhook",
            ["Hromada__Telegram__WebhookSecret"] = Secret,
            ["Hromada__Conversation__MaxMessagesPerMinute"] = "1000",
            ["Hromada__Conversation__MaxProposalsPerDay"] = "1000",
            ["Hromada__Admin__BootstrapKey"] = HromadaAppFactory.TestAdminKey,
        }, port, Path.Combine(folder, $"host-{instance.ToString(CultureInfo.InvariantCulture)}.log"));

    private static async Task<List<(string Reference, string Phone)>> ProposalsAsync(PostgresDatabase db)
    {
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"Reference\", \"AuthorPhone\" FROM \"Proposals\"", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }
        return rows;
    }

    /// <summary>A Telegram resident whose updates reach the service through nginx, delivered again until answered 2xx.</summary>
    private sealed class NginxResident(HttpClient telegram, FakeBotApi api, long chat, int firstUpdateId)
    {
        private int _updateId = firstUpdateId;

        public string Phone { get; } = "+38067" + (chat % 10_000_000).ToString("D7", CultureInfo.InvariantCulture);

        public string Reference { get; private set; } = "";

        /// <summary>Deliveries that were not answered 2xx (a 502 from nginx, a cut connection) and were sent again.</summary>
        public int Redeliveries { get; private set; }

        public async Task SubmitAsync(Action stepDone)
        {
            await DoAsync(TelegramUpdates.Text(++_updateId, chat, "/start"), HasButtons, stepDone);
            await PressAsync("Погоджуюся", HasButtons, stepDone);
            await PressAsync("Фізична особа", HasButtons, stepDone);
            // A ticked group changes the question's own buttons (editMessageReplyMarkup) rather than sending a message.
            await PressAsync("Внутрішньо переміщені", _ => false, stepDone, orNewButtons: true);
            foreach (var label in new[] { "Готово", "с. Садове", "Соціально-гуманітарна" })
            {
                await PressAsync(label, HasButtons, stepDone);
            }
            await PressAsync("Освіта", _ => true, stepDone);
            await DoAsync(TelegramUpdates.Text(++_updateId, chat, $"Відкрити в школі Садового гурток робототехніки, пропозиція {chat}."),
                c => c.Body["reply_markup"]?["keyboard"] is JsonArray, stepDone);
            await DoAsync(TelegramUpdates.Contact(++_updateId, chat, Phone, chat), HasButtons, stepDone);
            var done = await PressAsync("✅ Надіслати", c => Regex.IsMatch(Text(c), @"P-2026-\d{5}"), stepDone);
            Reference = Regex.Match(done, @"P-2026-\d{5}").Value;
        }

        private Task<string> PressAsync(string label, Func<BotApiCall, bool> until, Action stepDone, bool orNewButtons = false)
        {
            var sent = api.SentTo(chat);
            var withButtons = sent.Last(c => c.Body["reply_markup"]?["inline_keyboard"] is JsonArray);
            var button = withButtons.Body["reply_markup"]!["inline_keyboard"]!.AsArray().SelectMany(row => row!.AsArray())
                .FirstOrDefault(b => b!["text"]!.GetValue<string>().StartsWith(label, StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"Chat {chat}: no button '{label}' on: {Text(withButtons)}");
            return DoAsync(TelegramUpdates.Callback(++_updateId, chat, withButtons.MessageId!.Value, button["callback_data"]!.GetValue<string>()), until, stepDone, orNewButtons);
        }

        /// <summary>
        /// Delivers the update until nginx answers 2xx, then waits for a new message matching <paramref name="until"/>
        /// (or, with <paramref name="orNewButtons"/>, new buttons on a message already sent).
        /// </summary>
        private async Task<string> DoAsync(JsonObject update, Func<BotApiCall, bool> until, Action stepDone, bool orNewButtons = false)
        {
            var before = api.SentTo(chat).Count;
            var editedBefore = api.KeyboardsEditedIn(chat).Count;
            var body = update.ToJsonString();
            var deadline = Environment.TickCount64 + 120_000;
            var answers = new List<string>();
            while (true)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook")
                {
                    Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
                };
                request.Headers.TryAddWithoutValidation("X-Telegram-Bot-Api-Secret-Token", Secret);
                try
                {
                    using var response = await telegram.SendAsync(request);
                    answers.Add(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
                    if (response.IsSuccessStatusCode)
                    {
                        break;
                    }
                }
                catch (HttpRequestException ex)
                {
                    answers.Add(ex.Message);
                }
                catch (TaskCanceledException)
                {
                    answers.Add("timeout");
                }
                if (Environment.TickCount64 > deadline)
                {
                    throw new TimeoutException($"Chat {chat}: update {update["update_id"]} never answered 2xx: {string.Join(", ", answers)}");
                }
                Redeliveries++;
                await Task.Delay(250);
            }
            while (true)
            {
                var sent = api.SentTo(chat);
                var reply = sent.Skip(before).LastOrDefault(until);
                if (reply is not null || (orNewButtons && api.KeyboardsEditedIn(chat).Count > editedBefore))
                {
                    stepDone();
                    return string.Join("\n", sent.Skip(before).Select(Text));
                }
                if (Environment.TickCount64 > deadline)
                {
                    throw new TimeoutException($"Chat {chat}: no answer to update {update["update_id"]} (delivered: {string.Join(", ", answers)}); the bot said: {string.Join(" | ", sent.Skip(before).Select(Text))}");
                }
                await Task.Delay(50);
            }
        }

        private static bool HasButtons(BotApiCall call) => call.Body["reply_markup"] is JsonObject;

        private static string Text(BotApiCall call) => call.Body["text"]?.GetValue<string>() ?? "";
    }
}

/// <summary>A test that needs both a PostgreSQL server and Debian's nginx; skipped (or failed in CI) like each of them.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresNginxFactAttribute : FactAttribute
{
    public PostgresNginxFactAttribute()
    {
        Skip = DatabaseTheoryDiscoverer.PostgresSkipReason
            ?? (NginxProxy.Executable is null && !NginxProxy.Required
                ? "nginx is not installed (apt-get install nginx, or set HROMADA_NGINX_PATH); .ci/run installs it."
                : null);
    }
}
