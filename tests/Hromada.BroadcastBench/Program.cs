using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Hromada.BroadcastBench;
using Hromada.LoadTest;
using Microsoft.Data.Sqlite;
using Npgsql;

// Broadcasts one announcement to N Telegram subscribers through the real host, built in Release and run as its own
// process, against a fake Bot API that accepts 30 sendMessage calls a second and answers 429 above that. Prints the
// delivered rate, the 429s, and what was lost or sent twice.
//   dotnet run -c Release --project tests/Hromada.BroadcastBench -- --subscribers 10000 --limit 30
// On PostgreSQL with several instances (issue 19), one of them killed with SIGKILL mid-broadcast:
//   … -- --subscribers 10000 --provider postgres --instances 2 --kill-at 60 [--restart-at 90] [--postgres "Host=…;Database=postgres"]
// (--kill-at/--restart-at: seconds after the fake accepted the first message; the instance killed is instance 1.)
var subscribers = Arg("--subscribers", 10_000);
var limit = Arg("--limit", 30);
var pace = Text("--pushes-per-second");
var provider = Text("--provider") ?? "sqlite";
var instances = Arg("--instances", 1);
var killAt = Arg("--kill-at", 0);
var restartAt = Arg("--restart-at", 0);
var lease = Text("--lease");
var server = Text("--postgres") ?? Environment.GetEnvironmentVariable("HROMADA_TEST_POSTGRES");
if (provider is not ("sqlite" or "postgres") || instances is < 1 or > 8 || (instances > 1 && provider != "postgres")
    || (killAt > 0 && instances < 2) || (restartAt > 0 && restartAt <= killAt) || (provider == "postgres" && string.IsNullOrWhiteSpace(server)))
{
    Console.Error.WriteLine("--provider sqlite|postgres, --instances 1-8 (above 1: postgres), --kill-at S needs 2 instances, --restart-at S after --kill-at; " +
        "postgres needs --postgres \"Host=…;Username=…;Password=…;Database=postgres\" or HROMADA_TEST_POSTGRES.");
    return 2;
}
var root = FindRoot();
var work = Path.Combine(Path.GetTempPath(), "hromada-broadcast", TimeProvider.System.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
Directory.CreateDirectory(work);
Console.WriteLine($"Broadcast to {subscribers} Telegram subscribers against a fake Bot API allowing {limit} messages a second" +
    $"{(pace is null ? "" : $", Hromada:Telegram:PushesPerSecond {pace}")}; {Environment.ProcessorCount} cores; " +
    $"{(provider == "postgres" ? $"PostgreSQL, {instances} instance(s)" : "SQLite, 1 instance")}" +
    $"{(killAt > 0 ? $"; instance 1 killed (SIGKILL) {killAt} s after the first message" : "")}{(restartAt > 0 ? $", started again at {restartAt} s" : "")}");

await using var telegram = new RateLimitedTelegram(limit, retryAfterSeconds: 1);
await telegram.StartAsync();
Console.WriteLine("Building Hromada.Bot (Release)…");
var bin = await HostProcess.BuildAsync(root, "src/Bot/Hromada.Bot.csproj", Path.Combine(work, "bin"));
const string key = "broadcast-bench-bootstrap-key-0123456789abcdef";
var database = Path.Combine(work, "hromada.db");
await using var pg = provider == "postgres" ? await PostgresRun.CreateAsync(server!) : null;
var env = new Dictionary<string, string>
{
    ["ConnectionStrings__Hromada"] = pg?.ConnectionString ?? $"Data Source={database}",
    ["Hromada__Telegram__Token"] = RateLimitedTelegram.Token,
    ["Hromada__Telegram__ApiBaseUrl"] = telegram.BaseUrl,
    ["Hromada__Telegram__Mode"] = "Webhook",
    ["Hromada__Telegram__WebhookUrl"] = "https://broadcast.example-hromada.gov.ua/telegram/webhook",
    ["Hromada__Telegram__WebhookSecret"] = "broadcast-bench-secret",
    ["Hromada__Admin__BootstrapKey"] = key,
    ["Hromada__Announcements__Notices__ConsultationOpened__Enabled"] = "false",
    ["ASPNETCORE_ENVIRONMENT"] = "Production",
};
if (pg is not null)
{
    env["Hromada__Database__Provider"] = "PostgreSql";
}
if (pace is not null)
{
    env["Hromada__Telegram__PushesPerSecond"] = pace;
}
if (lease is not null)
{
    env["Hromada__Pipeline__LeaseDuration"] = TimeSpan.FromSeconds(int.Parse(lease, CultureInfo.InvariantCulture)).ToString("c", CultureInfo.InvariantCulture);
}
var hosts = new List<HostProcess>();
var everyProcess = new List<HostProcess>();
var envs = new List<Dictionary<string, string>>();
var folders = new List<string>();
try
{
    for (var i = 1; i <= instances; i++)
    {
        var instanceEnv = new Dictionary<string, string>(env);
        if (instances > 1)
        {
            instanceEnv["Hromada__Pipeline__InstanceId"] = $"bench-{i}";
        }
        envs.Add(instanceEnv);
        folders.Add(instances > 1 ? Directory.CreateDirectory(Path.Combine(work, $"instance-{i}")).FullName : work);
        hosts.Add(await HostProcess.StartAsync(Path.Combine(bin, "Hromada.Bot.dll"), folders[^1], instanceEnv));
        everyProcess.Add(hosts[^1]);
    }

    if (pg is null)
    {
        await using var db = new SqliteConnection($"Data Source={database}");
        await db.OpenAsync();
        await using var tx = (SqliteTransaction)await db.BeginTransactionAsync();
        await using var insert = db.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = """
            INSERT INTO Residents (Channel, ChannelUserId, Language, CreatedAt, IsSubscribed, IsBlocked, RateWindowCount, RateNoticeSent, ConversationStep, Version)
            VALUES ('Telegram', $chat, 'uk-UA', '2026-01-01T00:00:00.0000000Z', 1, 0, 0, 0, '', 0)
            """;
        var chat = insert.Parameters.Add("$chat", SqliteType.Text);
        for (var i = 0; i < subscribers; i++)
        {
            chat.Value = (500_000_000L + i).ToString(CultureInfo.InvariantCulture);
            await insert.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
    }
    else
    {
        await using var db = new NpgsqlConnection(pg.ConnectionString);
        await db.OpenAsync();
        await using var insert = new NpgsqlCommand("""
            INSERT INTO "Residents" ("Channel", "ChannelUserId", "Language", "CreatedAt", "IsSubscribed", "IsBlocked", "RateWindowCount", "RateNoticeSent", "ConversationStep", "Version")
            SELECT 'Telegram', (500000000 + g)::text, 'uk-UA', '2026-01-01T00:00:00.0000000Z', TRUE, FALSE, 0, FALSE, '', 0 FROM generate_series(0, @n - 1) g
            """, db);
        insert.Parameters.AddWithValue("n", subscribers);
        await insert.ExecuteNonQueryAsync();
    }

    using var http = new HttpClient { BaseAddress = new Uri(hosts[0].Url) };
    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
    var created = await http.PostAsJsonAsync("/api/admin/announcements", new
    {
        text = "Громадське обговорення проєкту Програми відновлення — у четвер о 15:00 в будинку культури.",
        targets = new[] { "TelegramSubscribers" },
        sendAt = TimeProvider.System.GetUtcNow().AddSeconds(3),
    });
    created.EnsureSuccessStatusCode();
    Console.WriteLine("Scheduled; waiting for every subscriber…");

    var killNote = "";
    var killing = killAt > 0 ? KillAndRestartAsync() : Task.CompletedTask;
    var deadline = Environment.TickCount64 + (long)(subscribers / (double)limit * 1000 * 2) + 60_000 + (restartAt > 0 ? 0 : 120_000);
    while (telegram.Chats < subscribers && Environment.TickCount64 < deadline)
    {
        await Task.Delay(1000);
        if (Environment.TickCount64 / 1000 % 15 == 0)
        {
            Console.WriteLine($"{telegram.Chats} of {subscribers} chats, {telegram.Refused} answered 429");
        }
    }
    await killing;
    await Task.Delay(3000); // anything sent twice shows up by now
    Console.WriteLine();

    var seconds = (telegram.LastAt - telegram.FirstAt) / 1000.0;
    var rate = seconds > 0 ? (telegram.Accepted - 1) / seconds : 0;
    Console.WriteLine();
    Console.WriteLine("| subscribers | instances | delivered | lost | sent twice | in flight at the kill | answered 429 | first → last | messages/s | of the fake's limit |");
    Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {subscribers} | {instances}{(pg is null ? " (SQLite)" : " (PostgreSQL)")} | {telegram.Chats} | {subscribers - telegram.Chats} | {telegram.Duplicates} | {(killNote.Length == 0 ? "—" : killNote)} | {telegram.Refused} | {seconds:0.0} s | {rate:0.00} | {rate / limit:P1} |"));
    var inFlightAtKill = killNote.Length > 0 && int.TryParse(killNote, CultureInfo.InvariantCulture, out var n) ? n : 0;
    return telegram.Chats == subscribers && telegram.Duplicates <= inFlightAtKill ? 0 : 1;

    async Task KillAndRestartAsync()
    {
        while (telegram.FirstAt == 0)
        {
            await Task.Delay(100);
        }
        await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(0, telegram.FirstAt + killAt * 1000L - Environment.TickCount64)));
        var victim = hosts[0];
        await victim.KillAsync();
        await Task.Delay(500); // a request the dead process had written is accepted by the fake by now
        // The sends in flight: messages it had claimed, that reached Telegram, and whose result it had not written —
        // the survivor sends them again after the lease. Claimed and not yet sent ones are only sent late, not twice.
        var claimed = await pg!.ClaimedRecipientsAsync("bench-1");
        var inFlight = claimed.Count(c => telegram.Reached(long.Parse(c, CultureInfo.InvariantCulture)));
        killNote = inFlight.ToString(CultureInfo.InvariantCulture);
        Console.WriteLine($"Instance 1 (pid {victim.Pid}) killed with SIGKILL at {telegram.Chats} chats; it held {claimed.Count} claimed messages " +
            $"not recorded as sent, {inFlight} of them already delivered (the sends in flight)");
        if (restartAt > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(0, telegram.FirstAt + restartAt * 1000L - Environment.TickCount64)));
            hosts[0] = await HostProcess.StartAsync(Path.Combine(bin, "Hromada.Bot.dll"), folders[0], envs[0], victim.Port);
            everyProcess.Add(hosts[0]);
            Console.WriteLine($"Instance 1 started again (pid {hosts[0].Pid}) at {telegram.Chats} chats");
        }
    }
}
finally
{
    foreach (var h in everyProcess)
    {
        await h.DisposeAsync();
    }
}

string? Text(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Hromada.Bot.sln")))
        {
            return dir.FullName;
        }
    }
    throw new InvalidOperationException("Run from inside the repository.");
}
