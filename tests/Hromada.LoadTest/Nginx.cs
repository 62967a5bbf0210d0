using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Hromada.LoadTest;

/// <summary>
/// Debian's nginx (<c>/usr/sbin/nginx</c>, or HROMADA_NGINX_PATH) in front of the instances, as a child process (no
/// daemon, no root needed) on a free loopback port, with the webhook rules of deploy/nginx/hromada.conf: round robin,
/// keep-alive to the instances, an instance that fails is left out for 10 s, and a webhook call that fails on one
/// instance is passed to the next (<c>proxy_next_upstream … non_idempotent</c>: safe, the inbox stores an update once).
/// </summary>
internal sealed class Nginx : IAsyncDisposable
{
    private readonly Process _process;

    private Nginx(Process process, string folder, string url)
    {
        _process = process;
        Folder = folder;
        Url = url;
    }

    public string Url { get; }
    public string Folder { get; }

    public static async Task<Nginx> StartAsync(IEnumerable<int> ports, string folder)
    {
        var path = Environment.GetEnvironmentVariable("HROMADA_NGINX_PATH") is { Length: > 0 } given ? given : "/usr/sbin/nginx";
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"--through-nginx: nginx not found at {path} (apt-get install nginx, or set HROMADA_NGINX_PATH).");
        }
        Directory.CreateDirectory(folder);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var servers = string.Concat(ports.Select(p => $"        server 127.0.0.1:{p.ToString(CultureInfo.InvariantCulture)} max_fails=1 fail_timeout=10s;\n"));
        // As root, nginx's workers would drop to "nobody", who cannot write to this folder.
        var user = Environment.UserName == "root" ? "user root;\n" : "";
        var config = $$"""
            {{user}}daemon off;
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 2048; }
            http {
                access_log off;
                client_body_temp_path {{folder}}/client_body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                upstream hromada {
            {{servers}}        keepalive 32;
                }
                server {
                    listen 127.0.0.1:{{port.ToString(CultureInfo.InvariantCulture)}};
                    proxy_http_version 1.1;
                    proxy_set_header Connection "";
                    proxy_set_header Host $host;
                    proxy_set_header X-Forwarded-For $remote_addr;
                    proxy_connect_timeout 2s;
                    location / {
                        proxy_pass http://hromada;
                        proxy_next_upstream error timeout http_502 http_503 non_idempotent;
                        proxy_next_upstream_tries 2;
                    }
                }
            }

            """;
        var file = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(file, config);
        var psi = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-p", folder + "/", "-c", file, "-e", Path.Combine(folder, "error.log") })
        {
            psi.ArgumentList.Add(a);
        }
        var process = Process.Start(psi)!;
        var nginx = new Nginx(process, folder, $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var deadline = Environment.TickCount64 + 20_000;
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited with {process.ExitCode}: {await process.StandardError.ReadToEndAsync()}\n{File.ReadAllText(Path.Combine(folder, "error.log"))}");
            }
            try
            {
                using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync(IPAddress.Loopback, port);
                return nginx;
            }
            catch (SocketException) when (Environment.TickCount64 < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>Lines of nginx's error log saying it passed a request on or marked an instance down (what the kill caused).</summary>
    public int UpstreamErrors() =>
        File.Exists(Path.Combine(Folder, "error.log"))
            ? File.ReadLines(Path.Combine(Folder, "error.log")).Count(l => l.Contains("upstream", StringComparison.Ordinal))
            : 0;

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
