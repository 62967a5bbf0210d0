using System.Text.Json.Nodes;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bot.Tests.Telegram;

/// <summary>A resident in Telegram talking to the real engine through the real host and a fake Bot API server.</summary>
public sealed class TelegramConversationTests
{
    private const long Chat = 5551001;

    internal static async Task SubmitAsync(TelegramResident r)
    {
        await r.TypeAsync("/start");
        await r.PressAsync("Погоджуюся");
        await r.PressAsync("Фізична особа");
        await r.PressAsync("Внутрішньо переміщені");
        await r.PressAsync("Готово");
        await r.PressAsync("с. Садове");
        await r.PressAsync("Соціально-гуманітарна");
        await r.PressAsync("Освіта", _ => true);
        await r.TypeAsync("Відкрити в школі Садового гурток робототехніки для дітей <10 & старших>.", AsksForTheContact);
    }

    private static bool AsksForTheContact(BotApiCall call) => call.Body["reply_markup"]?["keyboard"] is JsonArray;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public Task Resident_CompletesASubmission_ByPressingTheBotsButtons(bool webhook) => CompletesASubmissionAsync(webhook);

    /// <summary>The whole questionnaire ending in one proposal; <paramref name="settings"/> choose the database (PostgreSQL tests).</summary>
    internal static async Task CompletesASubmissionAsync(bool webhook, IDictionary<string, string?>? settings = null)
    {
        await using var host = await TelegramHost.StartAsync(webhook, settings: settings);
        var r = new TelegramResident(host, Chat);

        await SubmitAsync(r);
        var contactAsk = r.Last;
        await r.DoAsync(TelegramUpdates.Contact(host.NextUpdateId(), Chat, "+380671234567", Chat));
        var summary = r.Last.Body["text"]!.GetValue<string>();
        var done = await r.PressAsync("✅ Надіслати");

        Assert.Equal(JsonValueKindTrue, contactAsk.Body["reply_markup"]!["keyboard"]![0]![0]!["request_contact"]!.ToJsonString());
        Assert.Contains("&lt;10 &amp; старших&gt;", summary, StringComparison.Ordinal);
        Assert.Equal("html", r.Last.Body["parse_mode"]!.GetValue<string>(), ignoreCase: true);
        Assert.Matches(@"P-2026-\d{5}", done);
        var p = await host.DbAsync(db => db.Proposals.Include(x => x.Settlement).SingleAsync());
        Assert.Equal(Channel.Telegram, p.Channel);
        Assert.Equal(("sadove", p.SettlementId), ("sadove", p.ResidenceSettlementId));
        Assert.Equal("sadove", p.Settlement!.Code);
        Assert.Equal("Відкрити в школі Садового гурток робототехніки для дітей <10 & старших>.", p.Text);
        Assert.Equal(("Олена Петренко", "+380671234567"), (p.AuthorName, p.AuthorPhone));
        // Every reply was written with the resident's language, which the sender renders its own words in.
        Assert.Equal(["uk-UA"], await host.DbAsync(db => db.OutboxMessages.Where(o => o.Purpose == Core.Outbox.OutboxPurpose.Reply).Select(o => o.Language).Distinct().ToListAsync()));
        Assert.All(host.Api.CallsOf("answerCallbackQuery"), c => Assert.StartsWith("cb", c.Body["callback_query_id"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Equal(host.Api.CallsOf("answerCallbackQuery").Count, host.Api.CallsOf("editMessageReplyMarkup").Count);
        if (webhook)
        {
            var set = Assert.Single(host.Api.CallsOf("setWebhook"));
            Assert.Equal(TelegramHost.Secret, set.Body["secret_token"]!.GetValue<string>());
            Assert.Contains("callback_query", set.Body["allowed_updates"]!.ToJsonString(), StringComparison.Ordinal);
        }
        else
        {
            Assert.NotEmpty(host.Api.CallsOf("deleteWebhook"));
        }
    }

    private const string JsonValueKindTrue = "true";

    [Fact]
    public async Task SocialGroupTaps_TickTheQuestionsOwnButtons_InsteadOfANewMessage()
    {
        await using var host = await TelegramHost.StartAsync(webhook: true);
        var r = new TelegramResident(host, Chat);
        await r.TypeAsync("/start");
        await r.PressAsync("Погоджуюся");
        await r.PressAsync("Фізична особа");
        var question = r.Last;
        var sent = r.Sent.Count;

        await r.PressAsync("Внутрішньо переміщені");
        await r.PressAsync("Молодь");
        var afterTwo = r.Edited.Count;
        await r.PressAsync("✓ Молодь");
        var sentAfterTaps = r.Sent.Count;
        var next = await r.PressAsync("Готово");

        // Three taps, no new message: the question's own buttons changed each time, on the message tapped.
        Assert.Equal(sent, sentAfterTaps);
        Assert.Equal(2, afterTwo);
        Assert.Equal(3, r.Edited.Count);
        Assert.All(r.Edited, e => Assert.Equal(question.MessageId, e.Body["message_id"]!.GetValue<int>()));
        Assert.Equal(new[] { "✓ Молодь (14–35 років)", "✓ Внутрішньо переміщені особи" }, Labels(r.Edited[1]).Where(l => l.StartsWith('✓')));
        Assert.Equal(new[] { "✓ Внутрішньо переміщені особи" }, Labels(r.Edited[2]).Where(l => l.StartsWith('✓')));
        Assert.Contains("Готово", Labels(r.Edited[2]).Last(), StringComparison.Ordinal);
        Assert.DoesNotContain("Позначено", r.TextSince(0), StringComparison.Ordinal);
        // «Готово» answers the question: its buttons go, and the next question comes as a new message.
        Assert.Contains(host.Api.CallsOf("editMessageReplyMarkup"), c => c.Body["message_id"]!.GetValue<int>() == question.MessageId && c.Body["reply_markup"] is null);
        Assert.Contains("Де ви проживаєте", next, StringComparison.Ordinal);
    }

    private static List<string> Labels(BotApiCall call) =>
        call.Body["reply_markup"]!["inline_keyboard"]!.AsArray().SelectMany(row => row!.AsArray()).Select(b => b!["text"]!.GetValue<string>()).ToList();

    [DatabaseTheory, OnEachDatabase]
    public async Task SkipOnTheContactKeyboard_ArrivesAsTypedText_AndSkipsTheContact(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        // Telegram's reply keyboard (the one with "share my number") sends a button's label as a typed message.
        await using var host = await TelegramHost.StartAsync(webhook: true, database: database);
        var r = new TelegramResident(host, Chat);
        await SubmitAsync(r);
        var skip = r.Last.Body["reply_markup"]!["keyboard"]!.AsArray().SelectMany(row => row!.AsArray())
            .Select(b => b!["text"]!.GetValue<string>()).Single(t => t.StartsWith("Пропустити", StringComparison.Ordinal));

        var summary = await r.TypeAsync(skip);

        Assert.Contains("Перевірте, будь ласка, вашу пропозицію", summary, StringComparison.Ordinal);
        Assert.Contains("неідентифікован", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forget_LeavesNoTraceOfTheResidentsNameOrPhoneOrChat_AnywhereInTheDatabase()
    {
        const long chat = 5551077;
        await using var host = await TelegramHost.StartAsync(webhook: true);
        var r = new TelegramResident(host, chat);
        await SubmitAsync(r);
        await r.DoAsync(TelegramUpdates.Contact(host.NextUpdateId(), chat, "+380671234567", chat));
        await r.PressAsync("✅ Надіслати");
        // Wait for the question with the erase button itself: the submission's last message (the subscription
        // question, also with buttons) may still be on its way under load.
        await r.TypeAsync("/forget", c => c.Body["reply_markup"]?["inline_keyboard"] is System.Text.Json.Nodes.JsonArray rows
            && rows.SelectMany(row => row!.AsArray()).Any(b => b!["text"]!.GetValue<string>().StartsWith("Так, видалити", StringComparison.Ordinal)));

        var done = await r.PressAsync("Так, видалити", c => c.Body["text"]!.GetValue<string>().Contains("видалено", StringComparison.Ordinal));
        await host.Factory.Services.GetRequiredService<Core.Outbox.OutboxDispatcher>().FlushAsync();

        Assert.Contains("Знеособлено 1 пропозицію", done, StringComparison.Ordinal);
        var traces = await Infrastructure.DatabaseScan.FindAsync(Path.Combine(host.Factory.Folder, "hromada.db"),
            "Олена", "Петренко", "+380671234567", "671234567", chat.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(traces);
        var p = await host.DbAsync(db => db.Proposals.AsNoTracking().SingleAsync());
        Assert.True(p.IsUnidentified);
        Assert.NotNull(p.AnonymisedAt);
        Assert.StartsWith("Відкрити в школі Садового", p.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forget_RightAfterTheAnswer_NoByteOfThePhoneOrNameIsLeftInAnyDatabaseFile()
    {
        // Not only the live rows: the -wal file and free space in the database file end up in every backup.
        const long chat = 5551078;
        await using var host = await TelegramHost.StartAsync(webhook: true);
        var r = new TelegramResident(host, chat);
        await SubmitAsync(r);
        await r.DoAsync(TelegramUpdates.Contact(host.NextUpdateId(), chat, "+380671234567", chat));
        await r.PressAsync("✅ Надіслати");
        // Wait for the question with the erase button itself: the submission's last message (the subscription
        // question, also with buttons) may still be on its way under load.
        await r.TypeAsync("/forget", c => c.Body["reply_markup"]?["inline_keyboard"] is System.Text.Json.Nodes.JsonArray rows
            && rows.SelectMany(row => row!.AsArray()).Any(b => b!["text"]!.GetValue<string>().StartsWith("Так, видалити", StringComparison.Ordinal)));

        var done = await r.PressAsync("Так, видалити", c => c.Body["text"]!.GetValue<string>().Contains("видалено", StringComparison.Ordinal));

        Assert.Contains("Знеособлено 1 пропозицію", done, StringComparison.Ordinal);
        var files = Directory.GetFiles(host.Factory.Folder, "hromada.db*");
        Assert.Contains(files, f => f.EndsWith("hromada.db", StringComparison.Ordinal));
        var found = new List<string>();
        foreach (var file in files)
        {
            byte[] bytes;
            await using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                bytes = new byte[stream.Length];
                await stream.ReadExactlyAsync(bytes);
            }
            foreach (var needle in new[] { "671234567", "Петренко" })
            {
                if (bytes.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(needle)) >= 0)
                {
                    found.Add($"{Path.GetFileName(file)} holds '{needle}'");
                }
            }
        }
        Assert.Empty(found);
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task RedeliveredUpdate_IsAnsweredOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = await TelegramHost.StartAsync(webhook: true, database: database);
        var r = new TelegramResident(host, Chat);
        var update = TelegramUpdates.Text(host.NextUpdateId(), Chat, "/start");

        await r.DoAsync(update);
        await host.DeliverAsync(update);
        await r.TypeAsync("/help", c => c.Body["text"]!.GetValue<string>().Contains("/forget", StringComparison.Ordinal));

        Assert.Single(r.Sent, c => c.Body["text"]!.GetValue<string>().StartsWith("Вітаємо", StringComparison.Ordinal));
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task EditedMessage_GetsNoSecondAnswer(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = await TelegramHost.StartAsync(database: database);
        var r = new TelegramResident(host, Chat);
        await r.TypeAsync("/start");
        var before = r.Sent.Count;

        await host.DeliverAsync(TelegramUpdates.Edited(host.NextUpdateId(), Chat, "/start"));
        await r.TypeAsync("/help", c => c.Body["text"]!.GetValue<string>().Contains("/forget", StringComparison.Ordinal));

        Assert.Equal(before + 1, r.Sent.Count);
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task StaleButton_GetsAHint_AndChangesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = await TelegramHost.StartAsync(database: database);
        var r = new TelegramResident(host, Chat);
        await r.TypeAsync("/start");
        var consent = r.Button("Погоджуюся");
        await r.PressAsync("Погоджуюся");
        await r.PressAsync("Громадська організація");

        var answer = await r.DoAsync(TelegramUpdates.Callback(host.NextUpdateId(), Chat, consent.MessageId, consent.Data));

        Assert.Contains("неактуальна", answer, StringComparison.Ordinal);
        Assert.Contains("Де працює ваше підприємство чи організація", answer, StringComparison.Ordinal);
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task SharedForeignContact_IsRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = await TelegramHost.StartAsync(database: database);
        var r = new TelegramResident(host, Chat);
        await SubmitAsync(r);

        var answer = await r.DoAsync(TelegramUpdates.Contact(host.NextUpdateId(), Chat, "+380991112233", ownerId: 777), AsksForTheContact);

        Assert.Contains("іншої людини", answer, StringComparison.Ordinal);
        Assert.Contains("Як до вас звертатися", answer, StringComparison.Ordinal);
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task Photo_WhereTextIsExpected_GetsAHint(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = await TelegramHost.StartAsync(database: database);
        var r = new TelegramResident(host, Chat);
        await r.TypeAsync("/start");
        await r.PressAsync("Погоджуюся");
        await r.PressAsync("Громадська організація");
        await r.PressAsync("с. Дубове");
        await r.PressAsync("Інше", _ => true);

        var answer = await r.DoAsync(TelegramUpdates.Photo(host.NextUpdateId(), Chat), c => c.Body["text"]!.GetValue<string>().StartsWith("Напишіть вашу пропозицію", StringComparison.Ordinal));

        Assert.Contains("напишіть, будь ласка, текстом", answer, StringComparison.Ordinal);
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task BlockedBot_MarksTheResident_AndMemberAgainClearsIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = await TelegramHost.StartAsync(database: database);
        var r = new TelegramResident(host, Chat);
        await r.TypeAsync("/start");
        await r.TypeAsync("/subscribe");

        await host.DeliverAsync(TelegramUpdates.MyChatMember(host.NextUpdateId(), Chat, "kicked"));
        var blocked = await WaitForAsync(host, x => x.IsBlocked);
        await host.DeliverAsync(TelegramUpdates.MyChatMember(host.NextUpdateId(), Chat, "member"));
        var back = await WaitForAsync(host, x => !x.IsBlocked);

        Assert.False(blocked.IsSubscribed);
        Assert.False(back.IsBlocked);
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task Forbidden_WhenSending_MarksTheResidentBlocked(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = await TelegramHost.StartAsync(database: database);
        var r = new TelegramResident(host, Chat);
        await r.TypeAsync("/start");
        host.Api.FailNext("sendMessage", 403, "Forbidden: bot was blocked by the user");

        await host.DeliverAsync(TelegramUpdates.Text(host.NextUpdateId(), Chat, "/help"));

        Assert.True((await WaitForAsync(host, x => x.IsBlocked)).IsBlocked);
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task GroupChat_IsToldOnceThatTheBotWorksInPrivate_AndNothingIsCollected(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = await TelegramHost.StartAsync(database: database);
        const long group = -100123;

        await host.DeliverAsync(TelegramUpdates.GroupText(host.NextUpdateId(), group, Chat, "/start"));
        await host.DeliverAsync(TelegramUpdates.GroupText(host.NextUpdateId(), group, Chat, "привіт"));
        var r = new TelegramResident(host, Chat);
        await r.TypeAsync("/start");

        // Different chats are answered side by side: wait until both group updates are handled, then count.
        await Infrastructure.Eventually.GetAsync(() => host.DbAsync(db => db.InboxItems.CountAsync(i => i.Status != Core.Inbox.InboxStatus.Pending)).GetAwaiter().GetResult(),
            n => n == 3, "the three updates handled");
        await host.Factory.Services.GetRequiredService<Core.Outbox.OutboxDispatcher>().FlushAsync();
        var toGroup = await Infrastructure.Eventually.GetAsync(() => host.Api.SentTo(group), s => s.Count >= 1, "the notice to the group");
        Assert.Contains("особистому чаті", Assert.Single(toGroup).Body["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, await host.DbAsync(db => db.Residents.CountAsync()));
    }

    private static async Task<Core.Residents.Resident> WaitForAsync(TelegramHost host, Func<Core.Residents.Resident, bool> condition)
    {
        var deadline = Environment.TickCount64 + 10_000;
        while (true)
        {
            var resident = await host.DbAsync(db => db.Residents.AsNoTracking().SingleAsync());
            if (condition(resident))
            {
                return resident;
            }
            if (Environment.TickCount64 > deadline)
            {
                throw new TimeoutException("The resident never reached the expected state.");
            }
            await Task.Delay(20);
        }
    }
}
