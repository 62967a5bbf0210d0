using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Hromada.Bot.Tests.Email;

/// <summary>
/// An SMTP server on 127.0.0.1 (SmtpServer from NuGet, real SMTP on the wire) that keeps what it receives, refuses the
/// recipients it is told to with 550, and answers the next messages with a scripted reply (e.g. 451, try later).
/// </summary>
internal sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer _server;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private readonly ConcurrentQueue<SmtpResponse> _script = new();
    private readonly ConcurrentDictionary<string, bool> _refused = new(StringComparer.OrdinalIgnoreCase);

    private FakeSmtpServer(int port, string? user, string? password)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("fake-smtp.test")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port)).AllowUnsecureAuthentication(true).AuthenticationRequired(user is not null))
            .Build();
        var services = new ServiceProvider();
        services.Add(new Store(this));
        services.Add(new DelegatingMailboxFilter(
            (_, _) => true,
            (_, to, _) => !_refused.ContainsKey(to.AsAddress())));
        if (user is not null)
        {
            services.Add(new DelegatingUserAuthenticator((u, p) => u == user && p == password));
        }
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>Messages received, with the envelope's recipients.</summary>
    public ConcurrentQueue<(IReadOnlyList<string> To, MimeMessage Message)> Received { get; } = new();

    /// <summary>SMTP transactions that reached DATA (accepted or answered from the script).</summary>
    public int Transactions => _transactions;
    private int _transactions;

    public static async Task<FakeSmtpServer> StartAsync(string? user = null, string? password = null)
    {
        var server = new FakeSmtpServer(FreePort(), user, password);
        // Wait until it answers, so a test never races the listener.
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new System.Net.Sockets.TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, server.Port);
                return server;
            }
            catch (System.Net.Sockets.SocketException)
            {
                await Task.Delay(20);
            }
        }
        throw new InvalidOperationException("The fake SMTP server did not start.");
    }

    /// <summary>A port nothing listens on (for "the server is down").</summary>
    public static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Refuse(string address) => _refused[address] = true;

    /// <summary>Answers the next message with <paramref name="code"/> instead of taking it.</summary>
    public void AnswerNext(SmtpReplyCode code, string text) => _script.Enqueue(new SmtpResponse(code, text));

    public IReadOnlyList<MimeMessage> To(string address) =>
        Received.Where(r => r.To.Contains(address, StringComparer.OrdinalIgnoreCase)).Select(r => r.Message).ToList();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _server.Shutdown();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException)
        {
            // Stopped.
        }
        _stop.Dispose();
    }

    private sealed class Store(FakeSmtpServer owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref owner._transactions);
            if (owner._script.TryDequeue(out var scripted))
            {
                return scripted;
            }
            await using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            owner.Received.Enqueue((transaction.To.Select(t => t.AsAddress()).ToList(), message));
            return SmtpResponse.Ok;
        }
    }
}
