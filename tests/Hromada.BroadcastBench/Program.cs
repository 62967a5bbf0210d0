using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Hromada.BroadcastBench;
using Hromada.LoadTest;
using Microsoft.Data.Sqlite;

// Broadcasts one announcement to N Telegram subscribers through the real host, built in Release and run as its own
// process, against a fake Bot API that accepts 30 sendMessage calls a second and answers 429 above that. Prints the
// delivered rate, the 429s, and what was lost or sent twice.
//   dotnet run -c Release --project tests/Hromada.BroadcastBench -- --subscribers 10000 --limit 30
var subscribers = Arg("--subscribers", 10_000);
var limit = Arg("--limit", 30);
var pace = args.Contains("--pushes-per-second") ? args[Array.IndexOf(args, "--pushes-per-second") + 1] : null;
var root = FindRoot();
var work = Path.Combine(Path.GetTempPath(), "hromada-broadcast", TimeProvider.System.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
Directory.CreateDirectory(work);
Console.WriteLine($"Broadcast to {subscribers} Telegram subscribers against a fake Bot API allowing {limit} messages a second" +
    $"{(pace is null ? "" : $", Hromada:Telegram:PushesPerSecond {pace}")}; {Environment.ProcessorCount} cores");

await using var telegram = new RateLimitedTelegram(limit, retryAfterSeconds: 1);
await telegram.StartAsync();
Console.WriteLine("Building Hromada.Bot (Release)…");
var bin = await HostProcess.BuildAsync(root, "src/Bot/Hromada.Bot.csproj", Path.Combine(work, "bin"));
const string key = "broadcast-bench-bootstrap-key-0123456789abcdef";
var database = Path.Combine(work, "hromada.db");
var env = new Dictionary<string, string>
{
    ["ConnectionStrings__Hromada"] = $"Data Source={database}",
    ["Hromada__Telegram__Token"] = RateLimitedTelegram.Token,
    ["Hromada__Telegram__ApiBaseUrl"] = telegram.BaseUrl,
    ["Hromada__Telegram__Mode"] = "Webhook",
    ["Hromada__Telegram__WebhookUrl"] = "https://broadcast.example-hromada.gov.ua/telegram/webhook",
    ["Hromada__Telegram__WebhookSecret"] = "broadcast-bench-secret",
    ["Hromada__Admin__BootstrapKey"] = key,
    ["Hromada__Announcements__Notices__ConsultationOpened__Enabled"] = "false",
    ["ASPNETCORE_ENVIRONMENT"] = "Production",
};
if (pace is not null)
{
    env["Hromada__Telegram__PushesPerSecond"] = pace;
}
await using var host = await HostProcess.StartAsync(Path.Combine(bin, "Hromada.Bot.dll"), work, env);

await using (var db = new SqliteConnection($"Data Source={database}"))
{
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

using var http = new HttpClient { BaseAddress = new Uri(host.Url) };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
var created = await http.PostAsJsonAsync("/api/admin/announcements", new
{
    text = "Громадське обговорення проєкту Програми відновлення — у четвер о 15:00 в будинку культури.",
    targets = new[] { "TelegramSubscribers" },
    sendAt = TimeProvider.System.GetUtcNow().AddSeconds(3),
});
created.EnsureSuccessStatusCode();
Console.WriteLine("Scheduled; waiting for every subscriber…");

var deadline = Environment.TickCount64 + (long)(subscribers / (double)limit * 1000 * 2) + 60_000;
while (telegram.Chats < subscribers && Environment.TickCount64 < deadline)
{
    await Task.Delay(1000);
    if (Environment.TickCount64 / 1000 % 15 == 0)
    {
        Console.WriteLine($"{telegram.Chats} of {subscribers} chats, {telegram.Refused} answered 429");
    }
}
await Task.Delay(3000); // anything sent twice shows up by now
Console.WriteLine();

var seconds = (telegram.LastAt - telegram.FirstAt) / 1000.0;
var rate = seconds > 0 ? (telegram.Accepted - 1) / seconds : 0;
Console.WriteLine();
Console.WriteLine("| subscribers | delivered | lost | sent twice | answered 429 | first → last | messages/s | of the fake's limit |");
Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"| {subscribers} | {telegram.Chats} | {subscribers - telegram.Chats} | {telegram.Duplicates} | {telegram.Refused} | {seconds:0.0} s | {rate:0.00} | {rate / limit:P1} |"));
return telegram.Chats == subscribers && telegram.Duplicates == 0 ? 0 : 1;

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
