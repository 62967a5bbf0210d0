using System.Globalization;

namespace Hromada.LoadTest;

/// <summary>
/// Command-line options: <c>--residents 200 --duration 60 --warmup 5 --connections 40 --rate 300 --hold-chat --only hromada
/// --provider sqlite|postgres --instances 2 --postgres "Host=…;Username=…;Password=…;Database=postgres"
/// --targets sqlite,postgres:1,postgres:2 --through-nginx --kill-at 20 --restart-at 30</c>.
/// </summary>
internal sealed record LoadOptions
{
    public int Residents { get; init; } = 200;
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Concurrent webhook connections, like Telegram's max_connections (its default is 40).</summary>
    public int Connections { get; init; } = 40;

    /// <summary>
    /// Open loop: updates offered a second in all, whatever the replies (null: closed loop, each resident sends its next
    /// update as soon as it has the answer).
    /// </summary>
    public double? Rate { get; init; }

    /// <summary>One resident's chat answers the first sendMessage with 429 and retry_after 10.</summary>
    public bool HoldChat { get; init; }

    /// <summary>"hromada", "echo" or null for both.</summary>
    public string? Only { get; init; }

    /// <summary>Extra environment variables (K=V) for the Hromada.Bot host, e.g. GC settings to compare.</summary>
    public IReadOnlyList<string> HostEnvironment { get; init; } = [];

    /// <summary>"sqlite" (the default: one file) or "postgres" (a fresh database on <see cref="Postgres"/>'s server).</summary>
    public string Provider { get; init; } = "sqlite";

    /// <summary>Hromada.Bot processes on one database (PostgreSQL only for more than one), updates spread over them in turn.</summary>
    public int Instances { get; init; } = 1;

    /// <summary>A PostgreSQL server connection string whose user may create databases (default: HROMADA_TEST_POSTGRES).</summary>
    public string? Postgres { get; init; } = Environment.GetEnvironmentVariable("HROMADA_TEST_POSTGRES");

    /// <summary>
    /// Several Hromada.Bot set-ups in one run, one after the other before the echo bot (<c>--targets
    /// sqlite,postgres:1,postgres:2</c>: provider, and instances for postgres); empty: the one of --provider/--instances.
    /// </summary>
    public IReadOnlyList<(string Provider, int Instances)> Targets { get; init; } = [];

    /// <summary>Updates go through Debian's nginx (deploy/nginx/hromada.conf's upstream and retry rules), not to each instance in turn.</summary>
    public bool ThroughNginx { get; init; }

    /// <summary>Seconds into the measured window at which instance 1 is killed with SIGKILL (null: no kill).</summary>
    public TimeSpan? KillAt { get; init; }

    /// <summary>Seconds into the measured window at which the killed instance is started again (null: it stays dead).</summary>
    public TimeSpan? RestartAt { get; init; }

    /// <summary>
    /// An update not answered 2xx is delivered again, same update_id, until it is (as Telegram does), instead of the
    /// resident starting over with /start. On with --kill-at.
    /// </summary>
    public bool Redeliver => KillAt is not null;

    /// <summary>Print the first resident's turns.</summary>
    public bool Trace { get; init; }

    public static LoadOptions Parse(string[] args)
    {
        var o = new LoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            o = args[i] switch
            {
                "--residents" => o with { Residents = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--duration" => o with { Duration = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--warmup" => o with { Warmup = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--connections" => o with { Connections = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--hold-chat" => o with { HoldChat = true },
                "--rate" => o with { Rate = double.Parse(Next(), CultureInfo.InvariantCulture) is var r and > 0 ? r : throw new ArgumentException("--rate must be more than 0.") },
                "--trace" => o with { Trace = true },
                "--env" => o with { HostEnvironment = [.. o.HostEnvironment, Next()] },
                "--only" => o with { Only = Next() },
                "--provider" => o with { Provider = Next() is var p && p is "sqlite" or "postgres" ? p : throw new ArgumentException("--provider is sqlite or postgres.") },
                "--instances" => o with { Instances = int.Parse(Next(), CultureInfo.InvariantCulture) is var n and >= 1 and <= 8 ? n : throw new ArgumentException("--instances is 1 to 8.") },
                "--postgres" => o with { Postgres = Next() },
                "--targets" => o with { Targets = [.. Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Target)] },
                "--through-nginx" => o with { ThroughNginx = true },
                "--kill-at" => o with { KillAt = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--restart-at" => o with { RestartAt = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                _ => throw new ArgumentException($"Unknown option {args[i]}. Options: --residents N --duration S --warmup S --connections N --rate N --hold-chat --only hromada|echo --provider sqlite|postgres --instances N --postgres CONNECTION --targets sqlite,postgres:1,postgres:2 --through-nginx --kill-at S --restart-at S"),
            };
        }
        if (o.Targets.Count == 0)
        {
            o = o with { Targets = [(o.Provider, o.Instances)] };
        }
        if (o.KillAt is { } kill && (kill <= TimeSpan.Zero || kill >= o.Duration || o.Targets.Any(t => t.Instances < 2)))
        {
            throw new ArgumentException("--kill-at needs --instances 2 or more (PostgreSQL) and a time inside --duration.");
        }
        if (o.RestartAt is { } restart && (o.KillAt is null || restart <= o.KillAt || restart >= o.Duration))
        {
            throw new ArgumentException("--restart-at needs --kill-at and a time after it, inside --duration.");
        }
        if (o.Targets.Any(t => t.Instances > 1 && t.Provider != "postgres"))
        {
            throw new ArgumentException("More than one instance needs PostgreSQL (SQLite is one instance per file).");
        }
        if (o.Targets.Any(t => t.Provider == "postgres") && string.IsNullOrWhiteSpace(o.Postgres))
        {
            throw new ArgumentException("--provider postgres needs --postgres \"Host=…;Username=…;Password=…;Database=postgres\" (or HROMADA_TEST_POSTGRES).");
        }
        return o;
    }

    private static (string Provider, int Instances) Target(string text)
    {
        var parts = text.Split(':');
        var provider = parts[0] is "sqlite" or "postgres" ? parts[0] : throw new ArgumentException($"--targets: '{text}' is not sqlite, postgres or postgres:N.");
        var instances = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 1;
        return instances is >= 1 and <= 8 ? (provider, instances) : throw new ArgumentException("--targets: instances are 1 to 8.");
    }
}
