using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Hromada.Bot.Tests.Infrastructure;

/// <summary>
/// What the generated nginx configuration holds besides the listening server and its upstream: directives for the
/// <c>upstream</c> block (e.g. <c>least_conn;</c>), the <c>server</c> block, the <c>location /</c> block (e.g.
/// <c>proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;</c>) and the <c>http</c> block. Each is nginx text,
/// put in as given.
/// </summary>
public sealed record NginxDirectives(string? Upstream = null, string? Server = null, string? Location = null, string? Http = null);

/// <summary>
/// Debian's nginx in front of test hosts: started as a child process (not as a daemon, no root needed) on a free
/// loopback port, with a configuration generated into a temp folder that proxies every path to the given upstream
/// addresses (one address: a reverse proxy; several: a load balancer, round robin unless the directives say otherwise).
/// A plain <c>proxy_pass</c> sets no forwarding header; pass the headers a test wants as location directives.
/// Tests use <see cref="NginxFactAttribute"/>, so they skip where nginx is missing — except with HROMADA_REQUIRE_NGINX=1
/// (as in CI), where they fail. Disposing stops nginx and removes the folder.
/// </summary>
public sealed class NginxProxy : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output;

    private NginxProxy(Process process, StringBuilder output, string folder, Uri address, string configuration)
    {
        _process = process;
        _output = output;
        Folder = folder;
        Address = address;
        Configuration = configuration;
    }

    /// <summary>Where nginx listens, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri Address { get; }

    /// <summary>The configuration it runs (for a failure's message, or a test that wants to show it).</summary>
    public string Configuration { get; }

    /// <summary>The temp folder with the configuration, <c>error.log</c> and <c>access.log</c>.</summary>
    public string Folder { get; }

    /// <summary>HROMADA_NGINX_PATH, else Debian's /usr/sbin/nginx, when the file exists.</summary>
    public static string? Executable
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("HROMADA_NGINX_PATH");
            path = string.IsNullOrWhiteSpace(path) ? "/usr/sbin/nginx" : path;
            return File.Exists(path) ? path : null;
        }
    }

    /// <summary>True when nginx tests must run (CI): a missing nginx fails them instead of skipping.</summary>
    public static bool Required => Environment.GetEnvironmentVariable("HROMADA_REQUIRE_NGINX") == "1";

    /// <summary>A client for the proxy (its base address set).</summary>
    public HttpClient CreateClient() => new() { BaseAddress = Address };

    /// <summary>
    /// Starts nginx proxying to <paramref name="upstreams"/> (absolute URIs such as <c>http://127.0.0.1:5080/</c>, or
    /// host:port) and waits until it accepts connections. A configuration nginx refuses, or an nginx that exits, throws
    /// with nginx's own message.
    /// </summary>
    public static async Task<NginxProxy> StartAsync(IReadOnlyList<string> upstreams, NginxDirectives? directives = null)
    {
        ArgumentNullException.ThrowIfNull(upstreams);
        if (upstreams.Count == 0)
        {
            throw new ArgumentException("Give at least one upstream address.", nameof(upstreams));
        }
        var nginx = Executable ?? throw new InvalidOperationException(
            "nginx was not found (apt-get install nginx, or set HROMADA_NGINX_PATH); .ci/run installs it.");
        // The port is chosen free a moment before nginx binds it; another process may take it in between, so try again.
        for (var attempt = 1; ; attempt++)
        {
            if (await StartOnceAsync(nginx, upstreams, directives ?? new NginxDirectives(), lastAttempt: attempt == 5) is { } proxy)
            {
                return proxy;
            }
        }
    }

    /// <summary>The started proxy, or null when its port was taken meanwhile (unless <paramref name="lastAttempt"/>).</summary>
    private static async Task<NginxProxy?> StartOnceAsync(string nginx, IReadOnlyList<string> upstreams, NginxDirectives directives, bool lastAttempt)
    {
        var folder = Directory.CreateTempSubdirectory("hromada-nginx-").FullName;
        var port = FreePort();
        var configuration = Config(folder, port, upstreams, directives);
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), configuration);
        var output = new StringBuilder();
        var start = new ProcessStartInfo(nginx)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // -e: the error log from the very start (before the configuration is read, nginx would open /var/log/nginx's).
        foreach (var argument in new[] { "-p", folder + "/", "-c", Path.Combine(folder, "nginx.conf"), "-e", Path.Combine(folder, "error.log") })
        {
            start.ArgumentList.Add(argument);
        }
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var proxy = new NginxProxy(process, output, folder, new Uri($"http://127.0.0.1:{port}/"), configuration);
        try
        {
            if (await proxy.WaitUntilListeningAsync(port, lastAttempt))
            {
                return proxy;
            }
        }
        catch
        {
            await proxy.DisposeAsync();
            throw;
        }
        await proxy.DisposeAsync();
        return null;
    }

    /// <summary>True once nginx accepts connections; false when its port was taken (unless <paramref name="lastAttempt"/>).</summary>
    private async Task<bool> WaitUntilListeningAsync(int port, bool lastAttempt)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                var log = ErrorLog();
                if (!lastAttempt && log.Contains("Address already in use", StringComparison.Ordinal))
                {
                    return false;
                }
                throw new InvalidOperationException($"nginx exited with code {_process.ExitCode}:\n{Output()}\n{log}\nConfiguration:\n{Configuration}");
            }
            try
            {
                using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(50);
            }
            catch (SocketException ex)
            {
                throw new InvalidOperationException($"nginx did not listen on port {port} within 20 s:\n{Output()}\n{ErrorLog()}", ex);
            }
        }
    }

    /// <summary>nginx's error log so far (what a failing test shows).</summary>
    public string ErrorLog()
    {
        var path = Path.Combine(Folder, "error.log");
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : "";
        }
        catch (IOException)
        {
            return "";
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // It had exited already.
        }
        _process.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A worker's file still open: the temp folder is left behind.
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string HostPort(string upstream) =>
        Uri.TryCreate(upstream, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? $"{uri.Host}:{uri.Port.ToString(CultureInfo.InvariantCulture)}"
            : upstream.Trim().TrimEnd('/');

    private static string Config(string folder, int port, IReadOnlyList<string> upstreams, NginxDirectives d)
    {
        var servers = string.Concat(upstreams.Select(u => $"        server {HostPort(u)};\n"));
        // As root (CI containers), nginx's workers would drop to "nobody", who cannot write to this private temp folder.
        var user = Environment.UserName == "root" ? "user root;\n" : "";
        return $$"""
            {{user}}daemon off;
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log info;
            events { worker_connections 512; }
            http {
                access_log {{folder}}/access.log;
                client_body_temp_path {{folder}}/client_body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                {{d.Http}}
                upstream hromada {
            {{servers}}        {{d.Upstream}}
                }
                server {
                    listen 127.0.0.1:{{port}};
                    {{d.Server}}
                    location / {
                        proxy_pass http://hromada;
                        {{d.Location}}
                    }
                }
            }

            """;
    }
}

/// <summary>
/// A test that puts Debian's nginx in front (<see cref="NginxProxy"/>). Skipped with a reason when nginx is missing,
/// unless HROMADA_REQUIRE_NGINX=1 (as in CI), where a missing nginx fails the test instead.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NginxFactAttribute : FactAttribute
{
    public NginxFactAttribute()
    {
        if (NginxProxy.Executable is null && !NginxProxy.Required)
        {
            Skip = "nginx is not installed (apt-get install nginx, or set HROMADA_NGINX_PATH); .ci/run installs it.";
        }
    }
}

/// <summary>A theory that puts Debian's nginx in front; skipped or failed like <see cref="NginxFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NginxTheoryAttribute : TheoryAttribute
{
    public NginxTheoryAttribute()
    {
        if (NginxProxy.Executable is null && !NginxProxy.Required)
        {
            Skip = "nginx is not installed (apt-get install nginx, or set HROMADA_NGINX_PATH); .ci/run installs it.";
        }
    }
}
