using System.Net;
using System.Net.Sockets;

namespace Hromada.Bot.Tests.Infrastructure;

/// <summary>
/// A TCP relay on 127.0.0.1 in front of a real server (PostgreSQL), which a test can cut: every open connection is
/// dropped and new ones are closed as soon as they arrive, as when the server goes away, until it is restored.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly List<TcpClient> _open = [];
    private readonly Task _accepting;
    private bool _cut;

    private TcpProxy(string targetHost, int targetPort)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public static TcpProxy Start(string targetHost, int targetPort) => new(targetHost, targetPort);

    /// <summary>The server goes away: open connections are dropped, new ones closed at once.</summary>
    public void Cut()
    {
        lock (_gate)
        {
            _cut = true;
            foreach (var c in _open)
            {
                Drop(c);
            }
            _open.Clear();
        }
    }

    /// <summary>The server is back.</summary>
    public void Restore()
    {
        lock (_gate)
        {
            _cut = false;
        }
    }

    /// <summary>Closes with a reset, as a server that went away would.</summary>
    private static void Drop(TcpClient client)
    {
        try
        {
            client.Client?.LingerState = new LingerOption(true, 0);
        }
        catch (Exception ex) when (ex is ObjectDisposedException or SocketException)
        {
            // Already closed.
        }
        client.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        var server = new TcpClient();
        lock (_gate)
        {
            if (_cut)
            {
                Drop(client);
                server.Dispose();
                return;
            }
            _open.Add(client);
            _open.Add(server);
        }
        try
        {
            await server.ConnectAsync(_targetHost, _targetPort, _stop.Token);
            await using var a = client.GetStream();
            await using var b = server.GetStream();
            await Task.WhenAny(a.CopyToAsync(b, _stop.Token), b.CopyToAsync(a, _stop.Token));
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // Cut, or one side closed.
        }
        finally
        {
            lock (_gate)
            {
                _open.Remove(client);
                _open.Remove(server);
            }
            client.Dispose();
            server.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Cut();
        await _accepting;
        _stop.Dispose();
    }
}
