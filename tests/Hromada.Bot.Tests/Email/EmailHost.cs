using Hromada.Bot.Tests.Infrastructure;
using Hromada.Core.Outbox;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bot.Tests.Email;

/// <summary>The real host with e-mail on, sending to a <see cref="FakeSmtpServer"/> on loopback.</summary>
internal sealed class EmailHost : IAsyncDisposable
{
    public const string From = "hromada@zelenodil.test";
    public const string User = "bot";
    public const string Password = "smtp-secret";

    private EmailHost(FakeSmtpServer smtp, HromadaAppFactory factory)
    {
        Smtp = smtp;
        Factory = factory;
    }

    public FakeSmtpServer Smtp { get; }
    public HromadaAppFactory Factory { get; }

    public static async Task<EmailHost> StartAsync(IDictionary<string, string?>? settings = null, int? port = null)
    {
        var smtp = await FakeSmtpServer.StartAsync(User, Password);
        var all = new Dictionary<string, string?>
        {
            ["Hromada:Email:Host"] = "127.0.0.1",
            ["Hromada:Email:Port"] = (port ?? smtp.Port).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Hromada:Email:TlsMode"] = "None",
            ["Hromada:Email:UserName"] = User,
            ["Hromada:Email:Password"] = Password,
            ["Hromada:Email:FromAddress"] = From,
            ["Hromada:Email:PerMinute"] = "600",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            all[k] = v;
        }
        var factory = new HromadaAppFactory().WithSettings(all);
        factory.CreateClient().Dispose();
        return new EmailHost(smtp, factory);
    }

    /// <summary>Puts a message in the outbox as a feature would, and wakes the senders.</summary>
    public async Task<long> EnqueueAsync(OutboxRequest request)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
        var row = outbox.Enqueue(request);
        await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().SaveChangesAsync();
        outbox.Signal();
        return row.Id;
    }

    /// <summary>The outbox row once <paramref name="done"/> holds, moving the host's clock by <paramref name="step"/> each look (retries wait on it).</summary>
    public Task<OutboxMessage> OutboxAsync(long id, Func<OutboxMessage, bool> done, string what, TimeSpan step = default) =>
        Eventually.GetAsync(() =>
        {
            if (step > TimeSpan.Zero)
            {
                Factory.Time.Advance(step);
            }
            return DbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(o => o.Id == id)).GetAwaiter().GetResult();
        }, done, what);

    public async Task<T> DbAsync<T>(Func<HromadaDbContext, Task<T>> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<HromadaDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
