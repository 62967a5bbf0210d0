using System.Net;
using System.Net.Sockets;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Bot.Tests.Telegram;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Hromada.Bot.Tests.PostgreSql;

/// <summary>
/// Starting on PostgreSQL: a database that cannot be reached, a second instance under a running one's name, several
/// instances starting at once on an empty database, and the database going away while residents write.
/// </summary>
public sealed class PostgreSqlStartupTests
{
    [Fact]
    public async Task AnUnreachableDatabase_StopsTheStart_WithAMessageNamingTheSettings()
    {
        var closed = FreePort();
        await using var app = new HromadaAppFactory().WithSettings(new Dictionary<string, string?>
        {
            ["Hromada:Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Hromada"] = $"Host=127.0.0.1;Port={closed};Database=hromada;Username=hromada;Password=secret-word;Timeout=5",
        });

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => Task.FromResult(app.CreateClient()));

        var message = MessageOf(ex, "Cannot connect to the PostgreSQL database");
        Assert.Contains("ConnectionStrings:Hromada", message, StringComparison.Ordinal);
        Assert.Contains("Hromada:Database:Provider", message, StringComparison.Ordinal);
        Assert.Contains($"Port={closed}", message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-word", message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task ADatabaseThatDoesNotExist_StopsTheStart_WithAMessageNamingTheSettings()
    {
        var server = new NpgsqlConnectionStringBuilder(PostgresDatabase.Server) { Database = "hromada_missing_" + Guid.NewGuid().ToString("N")[..8] };
        await using var app = new HromadaAppFactory().WithSettings(new Dictionary<string, string?>
        {
            ["Hromada:Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Hromada"] = server.ConnectionString,
        });

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => Task.FromResult(app.CreateClient()));

        var message = MessageOf(ex, "Cannot connect to the PostgreSQL database");
        Assert.Contains("ConnectionStrings:Hromada", message, StringComparison.Ordinal);
        Assert.Contains(server.Database!, message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task ASecondInstance_UnderARunningOnesInstanceId_IsRefused_AndTheNameIsFreeOnceTheFirstStops()
    {
        await using var db = await PostgresDatabase.CreateAsync();
        var first = App(db, "host-a");
        using (first.CreateClient())
        {
            await using var second = App(db, "host-a");
            var ex = await Assert.ThrowsAnyAsync<Exception>(() => Task.FromResult(second.CreateClient()));
            var message = MessageOf(ex, "Hromada:Pipeline:InstanceId 'host-a' is in use");
            Assert.Contains("its own Hromada:Pipeline:InstanceId", message, StringComparison.Ordinal);

            // Another name on the same database is welcome.
            await using var other = App(db, "host-b");
            using var otherClient = other.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await otherClient.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        }
        await first.DisposeAsync();

        await using var restarted = App(db, "host-a");
        using var client = restarted.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
    }

    [PostgresFact]
    public async Task ThreeInstances_StartingAtOnceOnAnEmptyDatabase_SetItUpOnce_OneAdminKeyAndOneConsultation()
    {
        await using var db = await PostgresDatabase.CreateAsync();
        var apps = new[] { App(db, "host-a"), App(db, "host-b"), App(db, "host-c") };
        try
        {
            var clients = await Task.WhenAll(apps.Select(a => Task.Run(a.CreateClient)));
            foreach (var client in clients)
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
                client.Dispose();
            }

            await using var check = new PostgreSqlContext(db);
            Assert.Equal(1, await check.Db.ApiKeys.CountAsync());
            Assert.Equal(1, await check.Db.Consultations.CountAsync());
            Assert.Equal(await check.Db.Spheres.Select(s => s.Code).Distinct().CountAsync(), await check.Db.Spheres.CountAsync());
        }
        finally
        {
            foreach (var a in apps)
            {
                await a.DisposeAsync();
            }
        }
    }

    [PostgresFact]
    public async Task TheDatabaseAwayFor30s_WhileResidentsWrite_LosesNothingTheWebhookAccepted_AndTheServiceRecovers()
    {
        await using var db = await PostgresDatabase.CreateAsync();
        var target = new NpgsqlConnectionStringBuilder(db.ConnectionString);
        await using var proxy = TcpProxy.Start(target.Host!, target.Port);
        var throughProxy = new NpgsqlConnectionStringBuilder(db.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port, Timeout = 5 };
        await using var host = await TelegramHost.StartAsync(webhook: true, settings: new Dictionary<string, string?>
        {
            ["Hromada:Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Hromada"] = throughProxy.ConnectionString,
            ["Hromada:Pipeline:InstanceId"] = "host-a",
            ["Hromada:Pipeline:PollInterval"] = "00:00:01",
        });
        var time = host.Factory.Time;
        await new TelegramResident(host, 9_100_000).TypeAsync("/start");

        // Telegram's side: an update is delivered again until the webhook answers 200.
        var accepted = new HashSet<long>();
        async Task<bool> DeliverAsync(long chat)
        {
            using var response = await host.PostWebhookAsync(TelegramUpdates.Text((int)(chat - 9_000_000), chat, "/start").ToJsonString(), TelegramHost.Secret);
            if (response.IsSuccessStatusCode)
            {
                accepted.Add(chat);
            }
            return response.IsSuccessStatusCode;
        }

        // Five residents write just before the database goes, the rest while it is away.
        var before = Enumerable.Range(1, 5).Select(i => 9_100_000L + i).ToList();
        var during = Enumerable.Range(6, 10).Select(i => 9_100_000L + i).ToList();
        foreach (var chat in before)
        {
            Assert.True(await DeliverAsync(chat));
        }
        proxy.Cut();
        for (var second = 0; second < 30; second++)
        {
            foreach (var chat in during.Where(c => !accepted.Contains(c)))
            {
                await DeliverAsync(chat);
            }
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }
        Assert.True(during.Count(accepted.Contains) < during.Count, "the webhook stored updates with the database away");
        proxy.Restore();

        // Telegram keeps delivering what was refused; everything accepted is answered once the database is back.
        var everyone = before.Concat(during).ToList();
        var deadline = Environment.TickCount64 + 60_000;
        while (everyone.Count(chat => host.Api.SentTo(chat).Count > 0) < everyone.Count)
        {
            Assert.True(Environment.TickCount64 < deadline, $"only {everyone.Count(chat => host.Api.SentTo(chat).Count > 0)} of {everyone.Count} residents welcomed after the database came back");
            foreach (var chat in during.Where(c => !accepted.Contains(c)))
            {
                await DeliverAsync(chat);
            }
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }

        Assert.Equal(everyone.Count, accepted.Count);
        var inbox = await host.DbAsync(x => x.InboxItems.AsNoTracking().ToListAsync());
        Assert.Equal(everyone.Count + 1, inbox.Count);
        var replies = await host.DbAsync(x => x.OutboxMessages.AsNoTracking().Where(o => o.InboxItemId != null)
            .GroupBy(o => o.InboxItemId).Select(g => g.Count()).ToListAsync());
        Assert.Equal(inbox.Count, replies.Count);
        Assert.All(replies, n => Assert.Equal(1, n));

        // And the service goes on as before.
        var after = new TelegramResident(host, 9_100_099);
        Assert.Contains("Вітаємо", await after.TypeAsync("/start"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
    }

    private static HromadaAppFactory App(PostgresDatabase db, string instance) =>
        new HromadaAppFactory().WithSettings(new Dictionary<string, string?>(db.Settings) { ["Hromada:Pipeline:InstanceId"] = instance });

    private static string MessageOf(Exception ex, string start)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e.Message.Contains(start, StringComparison.Ordinal))
            {
                return e.Message;
            }
            if (e is AggregateException agg && agg.InnerExceptions.Count > 1)
            {
                return string.Join(" | ", agg.InnerExceptions.Select(i => MessageOf(i, start)));
            }
        }
        throw new Xunit.Sdk.XunitException($"No exception saying '{start}' in: {ex}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A context on a test database, outside any host.</summary>
internal sealed class PostgreSqlContext(PostgresDatabase database) : IAsyncDisposable
{
    public Hromada.Core.Storage.HromadaDbContext Db { get; } = new(new DbContextOptionsBuilder<Hromada.Core.Storage.HromadaDbContext>()
        .UseNpgsql(database.ConnectionString, o => o.MigrationsAssembly(Hromada.Core.Storage.StorageExtensions.PostgreSqlMigrationsAssembly)).Options);

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
