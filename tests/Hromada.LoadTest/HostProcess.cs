using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Hromada.LoadTest;

/// <summary>A host under test, built in Release and run as its own process, so its memory is its own.</summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;

    private HostProcess(Process process, string url, string folder)
    {
        _process = process;
        Url = url;
        Folder = folder;
    }

    public string Url { get; }
    public string Folder { get; }
    public int Pid => _process.Id;

    /// <summary>The port it listens on (127.0.0.1).</summary>
    public int Port => new Uri(Url).Port;

    private TimeSpan _lastCpu;
    private double _lastPeak;

    /// <summary>SIGKILL, as a power cut or the OOM killer would: no shutdown, writes and sends cut off where they are.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            CpuTime();
            Memory();
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
    }

    /// <summary>Builds <paramref name="project"/> (relative to the repository root) into a temporary folder.</summary>
    public static async Task<string> BuildAsync(string root, string project, string output)
    {
        var psi = new ProcessStartInfo("dotnet", ["build", Path.Combine(root, project), "-c", "Release", "-o", output, "-v", "quiet", "-nologo"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var build = Process.Start(psi)!;
        var stdout = build.StandardOutput.ReadToEndAsync();
        var stderr = build.StandardError.ReadToEndAsync();
        await build.WaitForExitAsync();
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"Building {project} failed:\n{await stdout}\n{await stderr}");
        }
        return output;
    }

    /// <summary>
    /// Starts the host on <paramref name="port"/> (a free one when null; a restart passes the port it had, so a load
    /// balancer in front finds it again) and waits until /healthz answers. Its output is appended to host.log in
    /// <paramref name="folder"/>.
    /// </summary>
    public static async Task<HostProcess> StartAsync(string dll, string folder, IDictionary<string, string> environment, int? port = null)
    {
        port ??= FreePort();
        var url = $"http://127.0.0.1:{port.Value.ToString(CultureInfo.InvariantCulture)}";
        var psi = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["Urls"] = url;
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (k, v) in environment)
        {
            psi.Environment[k] = v;
        }
        var process = Process.Start(psi)!;
        var log = new StreamWriter(Path.Combine(folder, "host.log"), append: true);
        _ = PumpAsync(process.StandardOutput, log);
        _ = PumpAsync(process.StandardError, log);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Environment.TickCount64 + 300_000;
        while (Environment.TickCount64 < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {process.ExitCode}; see {Path.Combine(folder, "host.log")}.");
            }
            try
            {
                if ((await http.GetAsync(url + "/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return new HostProcess(process, url, folder);
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The host did not answer /healthz within 300 s; see {Path.Combine(folder, "host.log")}.");
    }

    /// <summary>CPU time the host has used so far (user + system), from /proc/{pid}/stat.</summary>
    public TimeSpan CpuTime()
    {
        if (_process.HasExited)
        {
            return _lastCpu; // what it had used when it was last read (a killed host: just before the kill)
        }
        var stat = File.ReadAllText($"/proc/{_process.Id.ToString(CultureInfo.InvariantCulture)}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        _lastCpu = TimeSpan.FromSeconds(ticks / 100.0);
        return _lastCpu;
    }

    /// <summary>Resident set size now and at its peak (VmRSS, VmHWM), in MB.</summary>
    public (double Now, double Peak) Memory()
    {
        double now = 0, peak = 0;
        if (_process.HasExited)
        {
            return (0, _lastPeak);
        }
        foreach (var line in File.ReadLines($"/proc/{_process.Id.ToString(CultureInfo.InvariantCulture)}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                now = Kb(line) / 1024.0;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kb(line) / 1024.0;
            }
        }
        _lastPeak = peak;
        return (now, peak);

        static long Kb(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
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
        lock (log)
        {
            log.Flush();
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private bool _disposed;

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
