using System.Text.Json.Nodes;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Bot.Tests.Telegram;
using Hromada.Core.Outbox;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Hromada.Bot.Tests.PostgreSql;

/// <summary>
/// The service on a real PostgreSQL server (Hromada:Database:Provider = PostgreSql): the questionnaire end to end, two
/// instances on one database, and migrations started twice at once. Each test gets a database of its own.
/// </summary>
public sealed class PostgreSqlTests
{
    private const string Welcome = "Вітаємо";

    [PostgresFact]
    public async Task Resident_CompletesASubmission_ThroughTheWebhook_OnPostgreSql()
    {
        await using var db = await PostgresDatabase.CreateAsync();
        await TelegramConversationTests.CompletesASubmissionAsync(webhook: true, db.Settings);
    }

    [PostgresFact]
    public async Task TwoInstances_OneDatabase_ABurstOfUpdates_EachAnsweredOnce_AndOneProposalPerResident()
    {
        await using var db = await PostgresDatabase.CreateAsync();
        await using var api = await FakeBotApi.StartAsync();
        // One clock for both instances, moving faster than real time so that polls and leases come round.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        await using var a = await StartAsync("host-a", db, api, time, firstUpdateId: 100);
        await using var b = await StartAsync("host-b", db, api, time, firstUpdateId: 2_000_000);
        using var stop = new CancellationTokenSource();
        var ticker = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                time.Advance(TimeSpan.FromMilliseconds(100));
                await Task.Delay(25);
            }
        });
        try
        {
            // A burst: 40 residents write at once, half through each instance, and Telegram delivers every update to
            // the other instance too (a redelivery after a timeout lands wherever the balancer sends it).
            var chats = Enumerable.Range(0, 40).Select(i => 7_700_000L + i).ToList();
            await Task.WhenAll(chats.Select(async (chat, i) =>
            {
                var update = TelegramUpdates.Text(a.NextUpdateId() + 10_000 * (i + 1), chat, "/start");
                var first = i % 2 == 0 ? a : b;
                var second = i % 2 == 0 ? b : a;
                await first.DeliverAsync(update);
                await second.DeliverAsync(update);
            }));
            foreach (var chat in chats)
            {
                await Eventually.GetAsync(() => api.SentTo(chat).Any(IsWelcome), sent => sent, $"the welcome to {chat}", 60_000);
            }

            // Three residents go through the whole questionnaire, each step through the other instance.
            var residents = new[] { 7_800_001L, 7_800_002L, 7_800_003L };
            await Task.WhenAll(residents.Select(chat => CompleteAlternatingAsync(a, b, chat)));

            await a.Factory.Services.GetRequiredService<OutboxDispatcher>().FlushAsync();
            await b.Factory.Services.GetRequiredService<OutboxDispatcher>().FlushAsync();
            foreach (var chat in chats.Concat(residents))
            {
                Assert.Single(api.SentTo(chat), IsWelcome);
            }
            var proposals = await a.DbAsync(x => x.Proposals.AsNoTracking().Select(p => new { p.Reference, p.AuthorPhone }).ToListAsync());
            Assert.Equal(residents.Length, proposals.Count);
            Assert.Equal(proposals.Count, proposals.Select(p => p.Reference).Distinct().Count());
            // Every stored update has exactly one reply row, and no reply was left unsent.
            var replies = await a.DbAsync(x => x.OutboxMessages.AsNoTracking()
                .Where(o => o.InboxItemId != null).GroupBy(o => o.InboxItemId).Select(g => g.Count()).ToListAsync());
            Assert.All(replies, n => Assert.Equal(1, n));
            var stored = await a.DbAsync(x => x.InboxItems.CountAsync());
            // CompleteAlternatingAsync sends 11 updates: the button-only path is 11 turns since every settlement is on one keyboard.
            Assert.Equal(chats.Count + residents.Length * 11, stored);
            Assert.Equal(0, await a.DbAsync(x => x.OutboxMessages.CountAsync(o => o.Purpose == OutboxPurpose.Reply && o.Status == OutboxStatus.Pending)));
        }
        finally
        {
            await stop.CancelAsync();
            await ticker;
        }

        static bool IsWelcome(BotApiCall c) => c.Body["text"]?.GetValue<string>().StartsWith(Welcome, StringComparison.Ordinal) == true;
    }

    [PostgresFact]
    public async Task Migrations_StartedTwiceAtOnce_AreAppliedOnce_AndTheSchemaIsComplete()
    {
        await using var db = await PostgresDatabase.CreateAsync();
        HromadaDbContext Context() => new(new DbContextOptionsBuilder<HromadaDbContext>()
            .UseNpgsql(db.ConnectionString, o => o.MigrationsAssembly(StorageExtensions.PostgreSqlMigrationsAssembly)).Options);

        await using var first = Context();
        await using var second = Context();
        await Task.WhenAll(
            Task.Run(() => new DatabaseInitializer(first, NullLogger<DatabaseInitializer>.Instance).InitialiseAsync()),
            Task.Run(() => new DatabaseInitializer(second, NullLogger<DatabaseInitializer>.Instance).InitialiseAsync()));

        await using var check = Context();
        Assert.Empty(await check.Database.GetPendingMigrationsAsync());
        var applied = (await check.Database.GetAppliedMigrationsAsync()).ToList();
        Assert.Equal(check.Database.GetMigrations().ToList(), applied);
        Assert.False(check.Database.HasPendingModelChanges());
        // A third start finds nothing to do and changes nothing.
        await new DatabaseInitializer(check, NullLogger<DatabaseInitializer>.Instance).InitialiseAsync();
        Assert.Equal(applied, (await check.Database.GetAppliedMigrationsAsync()).ToList());
        Assert.Equal(0, await check.Proposals.CountAsync());
    }

    [PostgresFact]
    public async Task SimilarProposals_AndReferenceNumbers_OnPostgreSql()
    {
        await using var db = await PostgresDatabase.CreateAsync();
        await using var app = new HromadaAppFactory().WithSettings(db.Settings);
        using var client = app.CreateClient();
        async Task<string> SubmitAsync(string text)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var x = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
            var p = await scope.ServiceProvider.GetRequiredService<Hromada.Core.Proposals.ProposalService>().SubmitAsync(new Hromada.Core.Proposals.NewProposal
            {
                ConsultationId = (await x.Consultations.FirstAsync()).Id,
                Channel = Hromada.Core.Proposals.Channel.WebChat,
                ReceivedAt = app.Time.GetUtcNow(),
                AuthorCategoryId = (await x.AuthorCategories.FirstAsync(c => c.Code == "person")).Id,
                SphereId = (await x.Spheres.FirstAsync(s => s.Code == "infrastructure")).Id,
                Text = text,
                Actor = "test",
            });
            return p.Reference;
        }

        var road = await SubmitAsync("Відремонтувати дорогу до школи в селі Камʼянка, там глибокі ями");
        var sameRoad = await SubmitAsync("Ремонт дороги біля школи у Кам'янці: ями після зими");
        var unrelated = await SubmitAsync("Встановити сирену оповіщення в центрі Пʼятихаток");
        await using var scope = app.Services.CreateAsyncScope();
        var similar = await scope.ServiceProvider.GetRequiredService<Hromada.Core.Proposals.SimilarProposals>().FindAsync(road);

        Assert.Equal(["P-2026-00001", "P-2026-00002", "P-2026-00003"], new[] { road, sameRoad, unrelated });
        var first = Assert.Single(similar);
        Assert.Equal(sameRoad, first.Reference);
        Assert.True(first.SharedWords >= 3, $"shared {first.SharedWords}");
    }

    private static Task<TelegramHost> StartAsync(string instance, PostgresDatabase db, FakeBotApi api, FakeTimeProvider time, int firstUpdateId)
    {
        var settings = new Dictionary<string, string?>(db.Settings)
        {
            ["Hromada:Pipeline:InstanceId"] = instance,
            ["Hromada:Pipeline:PollInterval"] = "00:00:01",
            ["Hromada:Pipeline:LeaseDuration"] = "00:00:10",
        };
        return TelegramHost.StartAsync(webhook: true, api: api, settings: settings, firstUpdateId: firstUpdateId, services: s =>
        {
            s.RemoveAll<TimeProvider>();
            s.AddSingleton<TimeProvider>(time);
        });
    }

    /// <summary>The questionnaire of <see cref="TelegramConversationTests.SubmitAsync"/>, each update through the other instance.</summary>
    private static async Task CompleteAlternatingAsync(TelegramHost a, TelegramHost b, long chat)
    {
        var through = new[] { new TelegramResident(a, chat), new TelegramResident(b, chat) };
        var step = 0;
        TelegramResident Next() => through[step++ % 2];
        await Next().TypeAsync("/start");
        foreach (var label in new[] { "Погоджуюся", "Фізична особа", "Внутрішньо переміщені", "Готово", "с. Садове", "Соціально-гуманітарна" })
        {
            await Next().PressAsync(label);
        }
        await Next().PressAsync("Освіта", _ => true);
        await Next().TypeAsync("Відкрити в школі Садового гурток робототехніки.", c => c.Body["reply_markup"]?["keyboard"] is JsonArray);
        await Next().DoAsync(TelegramUpdates.Contact(a.NextUpdateId() + 1_000_000 + (int)(chat % 1000) * 100, chat, "+380671234567", chat));
        var done = await Next().PressAsync("✅ Надіслати");
        Assert.Matches(@"P-2026-\d{5}", done);
    }
}
