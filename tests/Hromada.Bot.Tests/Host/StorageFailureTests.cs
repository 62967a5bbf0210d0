using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hromada.Bot.Tests.Admin;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Bot.Tests.Telegram;
using Hromada.Core.Inbox;
using Hromada.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bot.Tests.Host;

/// <summary>
/// Issue 25 item 9: a full disk answered 500 on writes while <c>/healthz</c> said "ok". Now <c>/healthz</c> tries a small
/// write and says 503 with the reason; a resident's message that cannot be stored is refused, so the platform delivers
/// it again. A full disk is a database that may not grow
/// (<c>PRAGMA max_page_count</c>), a read-only database one whose connections may not write (<c>PRAGMA query_only</c>):
/// tests run as root, so file permissions would not stop them.
/// </summary>
public sealed class StorageFailureTests
{
    private const long Chat = 4242;

    [Fact]
    public async Task ADatabaseThatCannotGrow_MakesHealthzNotOk_SayingTheDiskIsFull_UntilItCanAgain()
    {
        var faults = new StorageFaults();
        await using var app = new HromadaAppFactory().WithServices(s => s.ConfigureDbContext<HromadaDbContext>(o => o.AddInterceptors(faults)));
        using var client = app.CreateClient();
        var healthy = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        faults.MaxPageCount = await FillAsync(Path.Combine(app.Folder, "hromada.db"));
        var full = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        faults.MaxPageCount = null;
        var again = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, full.StatusCode);
        var problem = await full.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("The database cannot be written", problem.GetProperty("title").GetString());
        Assert.Contains("SQLITE_FULL", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task LessFreeSpaceOnTheDatabasesDiskThanConfigured_MakesHealthzSayAttention_WithTheFigures()
    {
        // More than any test machine has free: 100 TB.
        await using var tight = new HromadaAppFactory().WithSettings(new Dictionary<string, string?> { ["Hromada:Database:MinFreeSpaceMegabytes"] = "100000000" });
        await using var roomy = new HromadaAppFactory().WithSettings(new Dictionary<string, string?> { ["Hromada:Database:MinFreeSpaceMegabytes"] = "1" });

        using var tightAnswer = await tight.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));
        using var roomyAnswer = await roomy.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, tightAnswer.StatusCode);
        var low = await tightAnswer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("attention", low.GetProperty("status").GetString());
        Assert.Equal(100_000_000, low.GetProperty("disk").GetProperty("minFreeMegabytes").GetInt32());
        var free = low.GetProperty("disk").GetProperty("freeMegabytes").GetInt64();
        Assert.InRange(free, 1, 100_000_000 - 1);
        var fine = await roomyAnswer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ok", fine.GetProperty("status").GetString());
        Assert.Equal(1, fine.GetProperty("disk").GetProperty("minFreeMegabytes").GetInt32());
        Assert.True(fine.GetProperty("disk").GetProperty("freeMegabytes").GetInt64() >= 1);
    }

    [Fact]
    public async Task WhileTheDatabaseIsReadOnly_HealthzIsNotOk_AndTheResidentsLastStepIsRefused_ThenDeliveredAgainItIsOneProposal()
    {
        var faults = new StorageFaults();
        await using var host = await TelegramHost.StartAsync(webhook: true,
            services: s => s.ConfigureDbContext<HromadaDbContext>(o => o.AddInterceptors(faults)));
        using var secretary = AdminClient.ForAdmin(host.Factory);
        var r = new TelegramResident(host, Chat);
        await TelegramConversationTests.SubmitAsync(r);
        await r.DoAsync(TelegramUpdates.Contact(host.NextUpdateId(), Chat, "+380671234567", Chat));
        var (messageId, data) = r.Button("✅ Надіслати");
        var send = TelegramUpdates.Callback(host.NextUpdateId(), Chat, messageId, data);

        faults.ReadOnly = true;
        var health = await host.Client.GetAsync(new Uri("/healthz", UriKind.Relative));
        var refused = await host.PostWebhookAsync(send.ToJsonString(), TelegramHost.Secret);
        // The secretary registers a paper letter meanwhile: that write fails too (its transaction cannot even begin).
        var letterRefused = await secretary.PostAsJsonAsync("/api/admin/proposals", PaperLetter(host));
        var storedMeanwhile = await host.DbAsync(db => db.Proposals.CountAsync());
        faults.ReadOnly = false;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains("SQLITE_READONLY", (await health.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(refused.IsSuccessStatusCode, $"the webhook answered {(int)refused.StatusCode}: Telegram would not deliver the update again");
        Assert.False(letterRefused.IsSuccessStatusCode, $"the paper letter was answered {(int)letterRefused.StatusCode} while nothing could be written");
        Assert.Equal(0, storedMeanwhile);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);

        // Writes work again. Telegram delivers the refused update again: it becomes one proposal, and the resident gets its reference.
        var done = await r.DoAsync(send);
        var reference = Assert.Single(References(done));
        // Delivered once more (Telegram did not see the answer): still that one proposal.
        using (var again = await host.PostWebhookAsync(send.ToJsonString(), TelegramHost.Secret))
        {
            Assert.True(again.IsSuccessStatusCode);
        }
        var letter = await secretary.PostAsJsonAsync("/api/admin/proposals", PaperLetter(host));
        Assert.Equal(HttpStatusCode.Created, letter.StatusCode);
        var stored = await host.DbAsync(db => db.Proposals.Where(p => p.Channel == global::Hromada.Core.Proposals.Channel.Telegram).Select(p => p.Reference).ToListAsync());
        Assert.Equal([reference], stored);
    }

    [Fact]
    public async Task AMessageStoredJustBeforeTheDiskFilled_IsNotSetAside_HoweverOftenItFails_AndIsAnsweredOnceThereIsRoom()
    {
        var faults = new StorageFaults();
        await using var host = await TelegramHost.StartAsync(webhook: true,
            services: s => s.ConfigureDbContext<HromadaDbContext>(o => o.AddInterceptors(faults)),
            settings: new Dictionary<string, string?> { ["Hromada:Pipeline:MaxHandlingAttempts"] = "2" });
        var r = new TelegramResident(host, Chat);
        await TelegramConversationTests.SubmitAsync(r);
        await r.DoAsync(TelegramUpdates.Contact(host.NextUpdateId(), Chat, "+380671234567", Chat));
        var (messageId, data) = r.Button("✅ Надіслати");
        var send = TelegramUpdates.Callback(host.NextUpdateId(), Chat, messageId, data);
        var externalId = send["update_id"]!.GetValue<int>().ToString(System.Globalization.CultureInfo.InvariantCulture);

        // The update is stored; storing the proposal it makes needs room the disk no longer has. The proposal is written
        // by hand-made statements inside the turns' group commit (no EF command to intercept), so SQLite itself refuses
        // it: a trigger asks a function of the test's connections, which fails with SQLITE_FULL while the disk is full.
        await host.DbAsync(db => db.Database.ExecuteSqlRawAsync(
            "CREATE TRIGGER \"TestDiskFull\" BEFORE INSERT ON \"Proposals\" BEGIN SELECT test_room_for_proposals(); END"));
        faults.FullForProposals = true;
        await host.DeliverAsync(send);
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await WaitAsync(host, externalId, item => item.Attempts >= attempt, $"attempt {attempt} at the stored update");
            host.Factory.Time.Advance(TimeSpan.FromMinutes(1));
        }
        var waiting = await WaitAsync(host, externalId, item => item.Attempts >= 5, "attempt 5 at the stored update");
        var before = r.Sent.Count;
        faults.FullForProposals = false;
        host.Factory.Time.Advance(TimeSpan.FromMinutes(10));

        var answered = await Eventually.GetAsync(() => r.TextSince(before), text => text.Contains("P-2026-", StringComparison.Ordinal), "the reference number");
        Assert.Equal(InboxStatus.Pending, waiting.Status);
        Assert.Contains("disk is full", waiting.LastError, StringComparison.Ordinal);
        var reference = Assert.Single(References(answered));
        Assert.Equal([reference], await host.DbAsync(db => db.Proposals.Select(p => p.Reference).ToListAsync()));
        Assert.Equal(InboxStatus.Done, (await WaitAsync(host, externalId, item => item.Status != InboxStatus.Pending, "the update handled")).Status);
    }

    private static async Task<InboxItem> WaitAsync(TelegramHost host, string externalId, Func<InboxItem, bool> done, string what)
    {
        var deadline = Environment.TickCount64 + 15_000;
        while (true)
        {
            var item = await host.DbAsync(db => db.InboxItems.AsNoTracking().SingleOrDefaultAsync(i => i.ExternalId == externalId));
            if (item is not null && done(item))
            {
                return item;
            }
            if (Environment.TickCount64 > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}: {item?.Status} after {item?.Attempts} attempt(s), {item?.LastError}");
            }
            await Task.Delay(20);
        }
    }

    /// <summary>The reference numbers a reply names (the receipt link repeats it).</summary>
    private static List<string> References(string text) =>
        [.. System.Text.RegularExpressions.Regex.Matches(text, @"P-2026-\d{5}").Select(m => m.Value).Distinct()];

    private static object PaperLetter(TelegramHost host) => new
    {
        channel = "Paper",
        receivedAt = host.Factory.Time.GetUtcNow(),
        authorCategory = "osn",
        settlement = "zabirria",
        sphere = "safety",
        text = "Облаштувати укриття в будинку культури села Забірʼя",
    };

    /// <summary>Grows the database to its last free page with a table of its own; returns its size in pages then.</summary>
    private static async Task<long> FillAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await Execute(connection, "CREATE TABLE Filler (Data BLOB)");
        var pages = (long)(await Scalar(connection, "PRAGMA page_count"))!;
        await Execute(connection, $"PRAGMA max_page_count = {pages + 4}");
        try
        {
            while (true)
            {
                await Execute(connection, "INSERT INTO Filler VALUES (randomblob(900))");
            }
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 13)
        {
        }
        return (long)(await Scalar(connection, "PRAGMA page_count"))!;
    }

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> Scalar(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    /// <summary>What the disk allows, set on every connection the service opens.</summary>
    private sealed class StorageFaults : DbConnectionInterceptor, IDbCommandInterceptor
    {
        /// <summary>While true, storing a proposal fails as SQLite fails when the disk has no room for the new rows.</summary>
        public bool FullForProposals { get; set; }

        public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            ThrowIfFull(command);
            return result;
        }

        public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            ThrowIfFull(command);
            return ValueTask.FromResult(result);
        }

        public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            ThrowIfFull(command);
            return result;
        }

        public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            ThrowIfFull(command);
            return ValueTask.FromResult(result);
        }

        /// <summary>What the test's trigger on the proposals table asks: refuses as SQLite refuses on a full disk.</summary>
        private int RoomForProposals() =>
            FullForProposals ? throw new SqliteException("SQLite Error 13: 'database or disk is full'.", 13) : 1;

        private void Register(DbConnection connection) =>
            ((SqliteConnection)connection).CreateFunction("test_room_for_proposals", RoomForProposals);

        private void ThrowIfFull(DbCommand command)
        {
            if (FullForProposals && command.CommandText.Contains("INSERT INTO \"Proposals\"", StringComparison.Ordinal))
            {
                throw new SqliteException("SQLite Error 13: 'database or disk is full'.", 13);
            }
        }

        public long? MaxPageCount { get; set; }

        public bool ReadOnly { get; set; }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA query_only = {(ReadOnly ? 1 : 0)}; PRAGMA max_page_count = {MaxPageCount ?? 1_073_741_823};";
            await command.ExecuteNonQueryAsync(cancellationToken);
            Register(connection);
        }

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA query_only = {(ReadOnly ? 1 : 0)}; PRAGMA max_page_count = {MaxPageCount ?? 1_073_741_823};";
            command.ExecuteNonQuery();
            Register(connection);
        }
    }
}
