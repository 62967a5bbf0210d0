using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Bot.Tests.Telegram;
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
    public async Task WhileTheDatabaseIsReadOnly_HealthzIsNotOk_AndTheResidentsLastStepIsRefused_SoTelegramDeliversItAgain()
    {
        var faults = new StorageFaults();
        await using var host = await TelegramHost.StartAsync(webhook: true,
            services: s => s.ConfigureDbContext<HromadaDbContext>(o => o.AddInterceptors(faults)));
        var r = new TelegramResident(host, Chat);
        await TelegramConversationTests.SubmitAsync(r);
        await r.DoAsync(TelegramUpdates.Contact(host.NextUpdateId(), Chat, "+380671234567", Chat));
        var (messageId, data) = r.Button("✅ Надіслати");
        var send = TelegramUpdates.Callback(host.NextUpdateId(), Chat, messageId, data);

        faults.ReadOnly = true;
        var health = await host.Client.GetAsync(new Uri("/healthz", UriKind.Relative));
        var refused = await host.PostWebhookAsync(send.ToJsonString(), TelegramHost.Secret);
        var storedMeanwhile = await host.DbAsync(db => db.Proposals.CountAsync());
        faults.ReadOnly = false;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains("SQLITE_READONLY", (await health.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(refused.IsSuccessStatusCode, $"the webhook answered {(int)refused.StatusCode}: Telegram would not deliver the update again");
        Assert.Equal(0, storedMeanwhile);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
    }

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
    private sealed class StorageFaults : DbConnectionInterceptor
    {
        public long? MaxPageCount { get; set; }

        public bool ReadOnly { get; set; }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA query_only = {(ReadOnly ? 1 : 0)}; PRAGMA max_page_count = {MaxPageCount ?? 1_073_741_823};";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA query_only = {(ReadOnly ? 1 : 0)}; PRAGMA max_page_count = {MaxPageCount ?? 1_073_741_823};";
            command.ExecuteNonQuery();
        }
    }
}
