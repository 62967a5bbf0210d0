using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Hromada.Bot.Tests.Infrastructure;

/// <summary>
/// The real service (the Hromada.Bot.dll built beside the tests) in a process of its own, so a test can kill it with
/// SIGKILL — what a power cut or the kernel's OOM killer does; an in-process host can only be stopped politely. Settings
/// are environment variables (<c>Hromada__Admin__BootstrapKey</c> …); it listens on 127.0.0.1 at the given port, so a
/// restart (<see cref="StartAsync"/> again with the same port) is found at the same address, behind nginx too.
/// Output goes to a log file kept in the test's folder; a failure's message shows its end.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Task _pumps;

    private HostProcess(Process process, StreamWriter log, Task pumps, int port, string logFile)
    {
        _process = process;
        _log = log;
        _pumps = pumps;
        Port = port;
        LogFile = logFile;
    }

    /// <summary>The service's assembly, built beside the tests (the project reference copies it there).</summary>
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "Hromada.Bot.dll");

    public int Port { get; }

    /// <summary><c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri Address => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/");

    public string LogFile { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>A loopback port that was free a moment ago.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Starts the service with <paramref name="environment"/> on <paramref name="port"/> (appending its output to
    /// <paramref name="logFile"/>) and waits until <c>/healthz</c> answers 200.
    /// </summary>
    public static async Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string> environment, int port, string logFile, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";
        var psi = new ProcessStartInfo(dotnet, [Dll])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.Environment["Urls"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (k, v) in environment)
        {
            psi.Environment[k] = v;
        }
        var process = Process.Start(psi) ?? throw new InvalidOperationException("dotnet did not start.");
        var log = new StreamWriter(new FileStream(logFile, FileMode.Append, FileAccess.Write, FileShare.ReadWrite), Encoding.UTF8) { AutoFlush = true };
        var pumps = Task.WhenAll(PumpAsync(process.StandardOutput, log), PumpAsync(process.StandardError, log));
        var host = new HostProcess(process, log, pumps, port, logFile);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Environment.TickCount64 + (long)(timeout ?? TimeSpan.FromMinutes(3)).TotalMilliseconds;
        while (true)
        {
            if (process.HasExited)
            {
                var code = process.ExitCode;
                await host.DisposeAsync();
                throw new InvalidOperationException($"The service exited with {code.ToString(CultureInfo.InvariantCulture)} at start:\n{Tail(logFile)}");
            }
            try
            {
                using var health = await http.GetAsync(new Uri(host.Address, "healthz"));
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            if (Environment.TickCount64 > deadline)
            {
                await host.DisposeAsync();
                throw new TimeoutException($"The service did not answer /healthz on port {port.ToString(CultureInfo.InvariantCulture)} in time:\n{Tail(logFile)}");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>SIGKILL: the process ends at once, mid-write if it was writing; nothing of it runs any more.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
        await _pumps;
    }

    /// <summary>The last lines of a log file (for a failure's message).</summary>
    public static string Tail(string logFile, int lines = 60)
    {
        using var stream = new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var all = reader.ReadToEnd().Split('\n');
        return string.Join('\n', all.TakeLast(lines));
    }

    private static async Task PumpAsync(StreamReader reader, StreamWriter log)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        await _log.DisposeAsync();
    }
}
