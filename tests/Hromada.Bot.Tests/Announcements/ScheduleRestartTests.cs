using System.Net.Http.Json;
using System.Text.Json;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Core.Announcements;
using Hromada.Core.Proposals;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using static Hromada.Bot.Tests.Announcements.AnnouncementsHost;

namespace Hromada.Bot.Tests.Announcements;

/// <summary>The scheduler's store is the service's SQLite file: a restart keeps every timer, and a missed one fires once.</summary>
public sealed class ScheduleRestartTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "hromada-tests", "restart-" + Guid.NewGuid().ToString("N"));

    public ScheduleRestartTests() => Directory.CreateDirectory(_folder);

    private string Database => Path.Combine(_folder, "hromada.db");

    private HromadaAppFactory Host(DateTimeOffset? now = null)
    {
        var app = new HromadaAppFactory()
            .WithSettings(new Dictionary<string, string?> { ["ConnectionStrings:Hromada"] = $"Data Source={Database}" })
            .WithServices(s => s.AddFakeLogging());
        if (now is { } n)
        {
            app.Time.SetUtcNow(n);
        }
        return app;
    }

    [Fact]
    public async Task Schedule_SurvivesARestart_AndFiresAtItsTime()
    {
        long id;
        DateTimeOffset sendAt;
        await using (var first = Host())
        {
            using var client = await CommunicationsAsync(first);
            await AddSubscribersAsync(first, Channel.WebChat, 2);
            var created = await CreateAsync(client, new { text = "Після перезапуску", targets = new[] { "WebChatSubscribers" }, sendAt = "2026-11-02T14:00:00+02:00" });
            id = created.GetProperty("id").GetInt64();
            sendAt = created.GetProperty("sendAt").GetDateTimeOffset();
        }
        SqliteConnection.ClearAllPools();

        var stored = await StoredTimerAsync(id);

        await using var second = Host(new DateTimeOffset(2026, 11, 2, 11, 0, 0, TimeSpan.Zero));
        using var again = await CommunicationsAsync(second);
        Assert.Equal("Scheduled", (await GetAsync(again, id)).GetProperty("status").GetString());
        second.Time.SetUtcNow(sendAt);
        await WaitForStatusAsync(again, id, "Sent");

        Assert.Equal(sendAt.UtcTicks, stored);
        Assert.Equal(2, await DbAsync(second, db => db.OutboxMessages.CountAsync(m => m.AnnouncementId == id)));
    }

    [Fact]
    public async Task TimerMissedWhileTheServiceWasDown_FiresOnceAtStart_AndTheLogSaysSo()
    {
        long id;
        await using (var first = Host())
        {
            using var client = await CommunicationsAsync(first);
            await AddSubscribersAsync(first, Channel.WebChat, 3);
            id = (await CreateAsync(client, new { text = "Пропущене під час простою", targets = new[] { "WebChatSubscribers", "Feed" }, sendAt = "2026-11-02T12:00:00+02:00" }))
                .GetProperty("id").GetInt64();
        }
        SqliteConnection.ClearAllPools();

        // The service comes back three hours after the announcement's time.
        await using var second = Host(new DateTimeOffset(2026, 11, 2, 13, 0, 0, TimeSpan.Zero));
        using var again = await CommunicationsAsync(second);
        await WaitForStatusAsync(again, id, "Sent");

        var rows = await DbAsync(second, db => db.OutboxMessages.Where(m => m.AnnouncementId == id).ToListAsync());
        Assert.Equal(3, rows.Count);
        Assert.Equal(3, rows.Select(r => r.ResidentId).Distinct().Count());
        var log = second.Services.GetFakeLogCollector().GetSnapshot();
        Assert.Contains(log, r => r.Message.Contains($"Announcement {id} was due at", StringComparison.Ordinal)
            && r.Message.Contains("missed its time", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExtendingAConsultation_SendsItsNoticeByItself_WithTheNewDateAndTheReason()
    {
        await using var app = Host();
        using var admin = Admin.AdminClient.ForAdmin(app);
        using var comms = await CommunicationsAsync(app);
        await AddSubscribersAsync(app, Channel.WebChat, 2);
        var consultation = (await admin.GetFromJsonAsync<JsonElement>("/api/admin/consultations"))[0];

        var extended = await admin.PostAsJsonAsync($"/api/admin/consultations/{consultation.GetProperty("id").GetInt32()}/extend", new
        {
            newDeadline = "2026-12-16T18:00:00+02:00",
            reason = "На прохання старост сіл Камʼянського округу",
            protocolNumber = "7",
            protocolDate = "2026-11-20",
        });
        extended.EnsureSuccessStatusCode();
        var list = await comms.GetFromJsonAsync<JsonElement>("/api/admin/announcements?kind=DeadlineExtended");
        var notice = Assert.Single(list.GetProperty("items").EnumerateArray());
        var id = notice.GetProperty("id").GetInt64();
        await WaitForStatusAsync(comms, id, "Sent");

        var report = await comms.GetFromJsonAsync<JsonElement>($"/api/admin/announcements/{id}/report");
        var text = report.GetProperty("sentText").GetString()!;
        Assert.Contains("16.12.2026 18:00", text, StringComparison.Ordinal);
        Assert.Contains("На прохання старост", text, StringComparison.Ordinal);
        Assert.Equal(2, report.GetProperty("total").GetProperty("held").GetInt32());
    }

    /// <summary>The announcement's trigger as Quartz stored it in the service's own database file, read with plain SQL.</summary>
    private async Task<long?> StoredTimerAsync(long id)
    {
        await using var connection = new SqliteConnection($"Data Source={Database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT NEXT_FIRE_TIME FROM QRTZ_TRIGGERS WHERE TRIGGER_GROUP = 'announcements' AND TRIGGER_NAME = $name";
        command.Parameters.AddWithValue("$name", $"announcement-{id}");
        return await command.ExecuteScalarAsync() is long ticks ? ticks : null;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp cleaner.
        }
    }
}
