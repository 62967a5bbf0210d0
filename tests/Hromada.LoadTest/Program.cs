using System.Globalization;
using Hromada.LoadTest;
using Microsoft.Data.Sqlite;
using Npgsql;

// The project's load tool: N residents complete the questionnaire at once over Telegram webhooks, against a fast fake
// Bot API, first on Hromada.Bot, then on a bare Telegram.Bot echo bot, and our figures are printed as ratios to it.
var options = LoadOptions.Parse(args);
var root = FindRoot();
var work = Path.Combine(Path.GetTempPath(), "hromada-load", TimeProvider.System.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
Directory.CreateDirectory(work);
Console.WriteLine($"Hromada.Bot load test: {options.Residents} residents, {options.Duration.TotalSeconds:0} s after a {options.Warmup.TotalSeconds:0} s warm-up, " +
    $"{options.Connections} webhook connections{(options.HoldChat ? ", one chat held by a 429 (retry_after 10)" : "")}" +
    $"{(options.Rate is { } rate ? string.Create(CultureInfo.InvariantCulture, $", open loop at {rate:0} updates/s") : ", closed loop")}; {Environment.ProcessorCount} cores; " +
    $"{(options.Provider == "postgres" ? $"PostgreSQL, {options.Instances} instance(s)" : "SQLite, 1 instance")}");
Console.WriteLine($"Working folder: {work}");

await using var telegram = new FakeTelegram();
await telegram.StartAsync();

var results = new List<Result>();
if (options.Only is null or "hromada")
{
    Console.WriteLine("Building Hromada.Bot (Release)…");
    var bin = await HostProcess.BuildAsync(root, "src/Bot/Hromada.Bot.csproj", Path.Combine(work, "hromada-bin"));
    var folder = Directory.CreateDirectory(Path.Combine(work, "hromada")).FullName;
    var env = new Dictionary<string, string>
    {
        ["ConnectionStrings__Hromada"] = options.Provider == "postgres" ? "" : $"Data Source={Path.Combine(folder, "hromada.db")}",
        ["Hromada__Telegram__Token"] = FakeTelegram.Token,
        ["Hromada__Telegram__ApiBaseUrl"] = telegram.BaseUrl,
        ["Hromada__Telegram__Mode"] = "Webhook",
        ["Hromada__Telegram__WebhookUrl"] = "https://load.example-hromada.gov.ua/telegram/webhook",
        ["Hromada__Telegram__WebhookSecret"] = Residents.Secret,
        ["Hromada__Conversation__MaxMessagesPerMinute"] = "1000",
        ["Hromada__Conversation__MaxProposalsPerDay"] = "1000",
        ["Hromada__Admin__BootstrapKey"] = "load-test-bootstrap-key-0123456789abcdefghij",
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
    };
    foreach (var pair in options.HostEnvironment)
    {
        var eq = pair.IndexOf('=', StringComparison.Ordinal);
        env[pair[..eq]] = pair[(eq + 1)..];
    }
    PostgresRun? pg = null;
    if (options.Provider == "postgres")
    {
        pg = await PostgresRun.CreateAsync(options.Postgres!);
        env["Hromada__Database__Provider"] = "PostgreSql";
        env["ConnectionStrings__Hromada"] = pg.ConnectionString;
    }
    try
    {
        var name = pg is null ? "Hromada.Bot" : $"Hromada.Bot (PostgreSQL, {options.Instances} instance{(options.Instances > 1 ? "s" : "")})";
        results.Add(await RunAsync(name, Path.Combine(bin, "Hromada.Bot.dll"), folder, env, questionnaire: true, pg, options.Instances));
    }
    finally
    {
        if (pg is not null)
        {
            await pg.DisposeAsync();
        }
    }
}
if (options.Only is null or "echo")
{
    Console.WriteLine("Building the echo bot (Release)…");
    var bin = await HostProcess.BuildAsync(root, "tests/Hromada.EchoBot/Hromada.EchoBot.csproj", Path.Combine(work, "echo-bin"));
    var folder = Directory.CreateDirectory(Path.Combine(work, "echo")).FullName;
    var env = new Dictionary<string, string> { ["Echo__Token"] = FakeTelegram.Token, ["Echo__ApiBaseUrl"] = telegram.BaseUrl };
    results.Add(await RunAsync("Telegram.Bot echo", Path.Combine(bin, "Hromada.EchoBot.dll"), folder, env, questionnaire: false, null, 1));
}

Console.WriteLine();
Console.WriteLine("| target | updates/s | latency p50 / p95 / p99 ms | proposals finished / stored | lost / duplicated | errors / timeouts | idle / peak RSS MB | host CPU ms per update |");
Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
foreach (var r in results)
{
    Console.WriteLine(r.Row());
}
if (results.Count == 2)
{
    var (h, e) = (results[0], results[1]);
    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Hromada.Bot / echo: throughput {h.Throughput / e.Throughput:P0}, p99 latency {(double)h.P99 / Math.Max(1, e.P99):0.00}×, p50 latency {(double)h.P50 / Math.Max(1, e.P50):0.00}×, host CPU per update {h.CpuPerUpdate / Math.Max(0.001, e.CpuPerUpdate):0.0}×"));
}
return 0;

async Task<Result> RunAsync(string name, string dll, string folder, Dictionary<string, string> env, bool questionnaire, PostgresRun? pg, int instances)
{
    var hosts = new List<HostProcess>();
    for (var i = 1; i <= instances; i++)
    {
        var instanceEnv = new Dictionary<string, string>(env);
        if (instances > 1)
        {
            instanceEnv["Hromada__Pipeline__InstanceId"] = $"load-{i}";
        }
        var instanceFolder = instances > 1 ? Directory.CreateDirectory(Path.Combine(folder, $"instance-{i}")).FullName : folder;
        hosts.Add(await HostProcess.StartAsync(dll, instanceFolder, instanceEnv));
    }
    await using var first = hosts[0];
    await Task.Delay(3000);
    var idle = hosts.Sum(h => h.Memory().Now);
    Console.WriteLine($"{name}: started (pid {string.Join(", ", hosts.Select(h => h.Pid))}, idle RSS {idle:0} MB); running…");

    using var http = Residents.CreateClient(options.Connections);
    using var stats = new RunStats();
    var pace = options.Rate is { } rate ? new OpenLoop(rate) : null;
    using var pacing = new CancellationTokenSource();
    var paced = pace?.RunAsync(pacing.Token) ?? Task.CompletedTask;
    var residents = new Residents(http, [.. hosts.Select(h => h.Url + "/telegram/webhook")], telegram, stats) { Trace = options.Trace, Pace = pace };
    var begin = Environment.TickCount64;
    stats.WindowStart = begin + (long)options.Warmup.TotalMilliseconds;
    stats.WindowEnd = stats.WindowStart + (long)options.Duration.TotalMilliseconds;
    var chatBase = questionnaire ? 1_000_000L : 2_000_000L;
    var heldChat = options.HoldChat && questionnaire ? chatBase : -1;
    var tasks = Enumerable.Range(0, options.Residents)
        .Select(i => questionnaire ? residents.QuestionnaireAsync(chatBase + i, chatBase + i == heldChat) : residents.EchoAsync(chatBase + i))
        .ToList();
    await Task.Delay(options.Warmup);
    var cpuBefore = hosts.Sum(h => h.CpuTime().TotalMilliseconds);
    var offeredBefore = pace?.Offered ?? 0;
    var missedBefore = pace?.Missed ?? 0;
    if (heldChat > 0)
    {
        telegram.Hold(heldChat);
    }
    await Task.Delay(options.Duration);
    var cpu = TimeSpan.FromMilliseconds(hosts.Sum(h => h.CpuTime().TotalMilliseconds) - cpuBefore);
    var offered = (pace?.Offered ?? 0) - offeredBefore;
    var missed = (pace?.Missed ?? 0) - missedBefore;
    stats.StopNow();
    await pacing.CancelAsync();
    await paced;
    await Task.WhenAll(tasks);
    await Task.Delay(1000);
    var peak = hosts.Sum(h => h.Memory().Peak);

    long stored = -1, distinct = -1;
    foreach (var h in hosts)
    {
        await h.DisposeAsync();
    }
    if (questionnaire && pg is not null)
    {
        (stored, distinct) = await pg.CountProposalsAsync();
    }
    else if (questionnaire)
    {
        SqliteConnection.ClearAllPools();
        await using var db = new SqliteConnection($"Data Source={Path.Combine(folder, "hromada.db")};Mode=ReadOnly");
        await db.OpenAsync();
        await using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*), COUNT(DISTINCT Reference) FROM Proposals";
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        stored = reader.GetInt64(0);
        distinct = reader.GetInt64(1);
    }
    var held = heldChat > 0 && telegram.HeldAt > 0
        ? string.Create(CultureInfo.InvariantCulture, $"; the held chat was retried {(telegram.HeldRetriedAt - telegram.HeldAt) / 1000.0:0.0} s after its 429")
        : "";
    if (pace is not null)
    {
        held += string.Create(CultureInfo.InvariantCulture,
            $"; open loop: {offered / options.Duration.TotalSeconds:0} updates/s offered, {missed} of them ({(double)missed / Math.Max(1, offered):P1}) found every resident still waiting for an answer");
    }
    var result = new Result(name, stats, options.Duration, stored, distinct, idle, peak, held) { HostCpu = cpu };
    Console.WriteLine(result.Row() + held);
    return result;
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
    throw new InvalidOperationException("Run the load tool from inside the repository (Hromada.Bot.sln not found).");
}

/// <summary>A fresh PostgreSQL database for one run (--provider postgres), dropped at the end.</summary>
internal sealed class PostgresRun : IAsyncDisposable
{
    private readonly string _server;

    private PostgresRun(string server, string connectionString)
    {
        _server = server;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<PostgresRun> CreateAsync(string server)
    {
        var name = "hromada_load_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new PostgresRun(server, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
    }

    public async Task<(long Stored, long Distinct)> CountProposalsAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT COUNT(*), COUNT(DISTINCT \"Reference\") FROM \"Proposals\"", connection);
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(ConnectionString).Database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

internal sealed record Result(string Name, RunStats Stats, TimeSpan Duration, long Stored, long Distinct, double IdleMb, double PeakMb, string Note)
{
    /// <summary>CPU the host used during the measured window.</summary>
    public TimeSpan HostCpu { get; init; }

    /// <summary>Host CPU milliseconds per update: what one update costs, whatever else the machine is doing.</summary>
    public double CpuPerUpdate => Stats.Turns == 0 ? 0 : HostCpu.TotalMilliseconds / Stats.Turns;

    private readonly long[] _sorted = [.. Stats.Latencies.Order()];

    public double Throughput => Stats.Turns / Duration.TotalSeconds;
    public long P50 => Percentile(0.50);
    public long P95 => Percentile(0.95);
    public long P99 => Percentile(0.99);

    private long Percentile(double p) => _sorted.Length == 0 ? 0 : _sorted[Math.Min(_sorted.Length - 1, (int)Math.Ceiling(p * _sorted.Length) - 1)];

    public string Row()
    {
        var finished = Stats.References.Count;
        var proposals = Stored < 0 ? "—" : $"{finished} / {Stored}";
        var duplicates = Stats.References.Count(r => r.Value > 1) + (Stored >= 0 ? Stored - Distinct : 0);
        var lost = Stored < 0 ? "—" : $"{Math.Max(0, Stats.Confirms - Stored)} / {duplicates}";
        return string.Create(CultureInfo.InvariantCulture,
            $"| {Name} | {Throughput:0} | {P50} / {P95} / {P99} | {proposals} | {lost} | {Stats.Errors} / {Stats.Timeouts} | {IdleMb:0} / {PeakMb:0} | {CpuPerUpdate:0.00} |");
    }
}
