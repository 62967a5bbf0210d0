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
    string.Join(" + ", options.Targets.Select(t => t.Provider == "postgres" ? $"PostgreSQL, {t.Instances} instance(s)" : "SQLite, 1 instance")) +
    (options.ThroughNginx ? "; updates through nginx" : "") +
    (options.KillAt is { } killAtOption ? string.Create(CultureInfo.InvariantCulture, $"; instance 1 killed (SIGKILL) at {killAtOption.TotalSeconds:0} s") : "") +
    (options.RestartAt is { } restartAtOption ? string.Create(CultureInfo.InvariantCulture, $" and started again at {restartAtOption.TotalSeconds:0} s") : "") +
    (options.Redeliver ? "; an update not answered 2xx is delivered again, as Telegram does" : ""));
Console.WriteLine($"Working folder: {work}");

await using var telegram = new FakeTelegram();
await telegram.StartAsync();

var results = new List<Result>();
if (options.Only is null or "hromada")
{
    Console.WriteLine("Building Hromada.Bot (Release)…");
    var bin = await HostProcess.BuildAsync(root, "src/Bot/Hromada.Bot.csproj", Path.Combine(work, "hromada-bin"));
    foreach (var (provider, instances) in options.Targets)
    {
        var folder = Directory.CreateDirectory(Path.Combine(work, options.Targets.Count == 1 ? "hromada" : $"hromada-{provider}-{instances}")).FullName;
        var env = new Dictionary<string, string>
        {
            ["ConnectionStrings__Hromada"] = provider == "postgres" ? "" : $"Data Source={Path.Combine(folder, "hromada.db")}",
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
        if (provider == "postgres")
        {
            pg = await PostgresRun.CreateAsync(options.Postgres!);
            env["Hromada__Database__Provider"] = "PostgreSql";
            env["ConnectionStrings__Hromada"] = pg.ConnectionString;
        }
        try
        {
            var name = pg is null ? (options.Targets.Count == 1 ? "Hromada.Bot" : "Hromada.Bot (SQLite)") : $"Hromada.Bot (PostgreSQL, {instances} instance{(instances > 1 ? "s" : "")})";
            results.Add(await RunAsync(name, Path.Combine(bin, "Hromada.Bot.dll"), folder, env, questionnaire: true, pg, instances));
        }
        finally
        {
            if (pg is not null)
            {
                await pg.DisposeAsync();
            }
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
if (options.Only is null && results.Count >= 2)
{
    var e = results[^1];
    Console.WriteLine();
    foreach (var h in results.SkipLast(1))
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{h.Name} / echo: throughput {h.Throughput / e.Throughput:P0}, p99 latency {(double)h.P99 / Math.Max(1, e.P99):0.00}×, p50 latency {(double)h.P50 / Math.Max(1, e.P50):0.00}×, host CPU per update {h.CpuPerUpdate / Math.Max(0.001, e.CpuPerUpdate):0.0}×"));
    }
}
return results.All(r => r.Check?.Passed ?? true) ? 0 : 1;

async Task<Result> RunAsync(string name, string dll, string folder, Dictionary<string, string> env, bool questionnaire, PostgresRun? pg, int instances)
{
    var hosts = new List<HostProcess>();
    var everyProcess = new List<HostProcess>();
    var envs = new List<Dictionary<string, string>>();
    var folders = new List<string>();
    var ports = Enumerable.Range(0, instances).Select(_ => HostProcess.FreePort()).ToList();
    Nginx? nginx = null;
    try
    {
        for (var i = 1; i <= instances; i++)
        {
            var instanceEnv = new Dictionary<string, string>(env);
            if (instances > 1)
            {
                instanceEnv["Hromada__Pipeline__InstanceId"] = $"load-{i}";
            }
            envs.Add(instanceEnv);
            folders.Add(instances > 1 ? Directory.CreateDirectory(Path.Combine(folder, $"instance-{i}")).FullName : folder);
            hosts.Add(await HostProcess.StartAsync(dll, folders[^1], instanceEnv, ports[i - 1]));
            everyProcess.Add(hosts[^1]);
        }
        if (options.ThroughNginx && questionnaire)
        {
            nginx = await Nginx.StartAsync(ports, Path.Combine(folder, "nginx"));
        }
        await Task.Delay(3000);
        var idle = hosts.Sum(h => h.Memory().Now);
        Console.WriteLine($"{name}: started (pid {string.Join(", ", hosts.Select(h => h.Pid))}, idle RSS {idle:0} MB){(nginx is null ? "" : $", behind nginx at {nginx.Url}")}; running…");

        using var http = Residents.CreateClient(options.Connections);
        using var stats = new RunStats();
        var pace = options.Rate is { } rate ? new OpenLoop(rate) : null;
        using var pacing = new CancellationTokenSource();
        var paced = pace?.RunAsync(pacing.Token) ?? Task.CompletedTask;
        string[] urls = nginx is not null ? [nginx.Url + "/telegram/webhook"] : [.. hosts.Select(h => h.Url + "/telegram/webhook")];
        var residents = new Residents(http, urls, telegram, stats) { Trace = options.Trace, Pace = pace, Redeliver = options.Redeliver && questionnaire };
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
        var killNote = "";
        var killing = options.KillAt is { } killAt && questionnaire && instances > 1 ? KillAndRestartAsync(killAt) : Task.CompletedTask;
        await Task.Delay(options.Duration);
        await killing;
        var cpu = TimeSpan.FromMilliseconds(everyProcess.Sum(h => h.CpuTime().TotalMilliseconds) - cpuBefore);
        var offered = (pace?.Offered ?? 0) - offeredBefore;
        var missed = (pace?.Missed ?? 0) - missedBefore;
        stats.StopNow();
        await pacing.CancelAsync();
        await paced;
        await Task.WhenAll(tasks);
        await Task.Delay(1000);
        var peak = hosts.Sum(h => h.Memory().Peak);

        DatabaseCheck? check = null;
        if (questionnaire)
        {
            // What the instances still hold (an update taken over after a kill) is finished before the database is counted.
            await using (var db = Open(pg, folder))
            {
                check = await DatabaseCheck.RunAsync(db, stats, options.Residents, TimeSpan.FromSeconds(options.KillAt is null ? 5 : 120));
            }
            SqliteConnection.ClearAllPools();
        }
        foreach (var h in everyProcess)
        {
            await h.DisposeAsync();
        }
        var held = heldChat > 0 && telegram.HeldAt > 0
            ? string.Create(CultureInfo.InvariantCulture, $"; the held chat was retried {(telegram.HeldRetriedAt - telegram.HeldAt) / 1000.0:0.0} s after its 429")
            : "";
        if (pace is not null)
        {
            held += string.Create(CultureInfo.InvariantCulture,
                $"; open loop: {offered / options.Duration.TotalSeconds:0} updates/s offered, {missed} of them ({(double)missed / Math.Max(1, offered):P1}) found every resident still waiting for an answer");
        }
        held += killNote;
        if (nginx is not null)
        {
            held += $"; nginx logged {nginx.UpstreamErrors()} upstream errors";
        }
        var result = new Result(name, stats, options.Duration, check?.Stored ?? -1, check?.Distinct ?? -1, idle, peak, held) { HostCpu = cpu, Check = check };
        Console.WriteLine(result.Row() + held);
        if (check is not null)
        {
            Console.WriteLine("  " + check.Summary(stats));
        }
        return result;

        async Task KillAndRestartAsync(TimeSpan at)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(0, stats.WindowStart + (long)at.TotalMilliseconds - Environment.TickCount64)));
            var victim = hosts[0];
            var since = Environment.TickCount64;
            await victim.KillAsync();
            var claimed = pg is null ? -1 : await pg.ClaimedRepliesAsync("load-1");
            killNote = string.Create(CultureInfo.InvariantCulture,
                $"; instance 1 (pid {victim.Pid}) killed at {(since - stats.WindowStart) / 1000.0:0.0} s, holding {claimed} claimed replies not recorded as sent");
            Console.WriteLine("  " + killNote[2..]);
            if (options.RestartAt is { } restartAt)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(0, stats.WindowStart + (long)restartAt.TotalMilliseconds - Environment.TickCount64)));
                var starting = Environment.TickCount64;
                var restarted = await HostProcess.StartAsync(dll, folders[0], envs[0], ports[0]);
                everyProcess.Add(restarted);
                hosts[0] = restarted;
                var note = string.Create(CultureInfo.InvariantCulture,
                    $"; started again at {(starting - stats.WindowStart) / 1000.0:0.0} s (pid {restarted.Pid}), answering /healthz {(Environment.TickCount64 - starting) / 1000.0:0.0} s later");
                killNote += note;
                Console.WriteLine("  " + note[2..]);
            }
        }
    }
    finally
    {
        if (nginx is not null)
        {
            await nginx.DisposeAsync();
        }
        foreach (var h in everyProcess)
        {
            await h.DisposeAsync();
        }
    }
}

static System.Data.Common.DbConnection Open(PostgresRun? pg, string folder) =>
    pg is not null
        ? new NpgsqlConnection(pg.ConnectionString)
        : new SqliteConnection($"Data Source={Path.Combine(folder, "hromada.db")}");

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

internal sealed record Result(string Name, RunStats Stats, TimeSpan Duration, long Stored, long Distinct, double IdleMb, double PeakMb, string Note)
{
    /// <summary>The database counted against what the residents were told (questionnaire runs).</summary>
    public DatabaseCheck? Check { get; init; }

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
        var lost = Check is { } c ? $"{c.Lost} / {c.Twice}" : "—";
        return string.Create(CultureInfo.InvariantCulture,
            $"| {Name} | {Throughput:0} | {P50} / {P95} / {P99} | {proposals} | {lost} | {Stats.Errors} / {Stats.Timeouts} | {IdleMb:0} / {PeakMb:0} | {CpuPerUpdate:0.00} |");
    }
}
