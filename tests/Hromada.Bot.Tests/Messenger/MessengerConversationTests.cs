using Hromada.Core.Outbox;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Core.Notifications;
using Hromada.Core.Proposals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bot.Tests.Messenger;

/// <summary>A resident in Messenger talking to the real questionnaire engine through the real host and a fake Graph API.</summary>
public sealed class MessengerConversationTests
{
    private sealed class Resident(MessengerHost host, string psid)
    {
        public SentMessage Last => host.Graph.SentTo(psid)[^1];

        public string AllSince(int index) => string.Join("\n", host.Graph.SentTo(psid).Skip(index).Select(m => m.Text));

        public int Count => host.Graph.SentTo(psid).Count;

        /// <summary>Events the resident sent: the turns of the conversation.</summary>
        public int Turns { get; private set; }

        /// <summary>
        /// Sends an event and waits until the bot has answered with a message offering quick replies or cards, or matching
        /// <paramref name="until"/>.
        /// </summary>
        public async Task<string> DoAsync(System.Text.Json.Nodes.JsonObject messagingEvent, Func<SentMessage, bool>? until = null)
        {
            var before = Count;
            Turns++;
            await host.SendAsync(messagingEvent);
            try
            {
                await Eventually.GetAsync(() => host.Graph.SentTo(psid),
                    m => m.Count > before && (until ?? (x => x.QuickReplies.Count > 0 || x.Cards is { Count: > 0 }))(m[^1]), "the bot's answer");
            }
            catch (TimeoutException ex)
            {
                throw new TimeoutException($"No answer to {messagingEvent.ToJsonString()}; the bot said: {AllSince(0)}", ex);
            }
            return AllSince(before);
        }

        public Task<string> GetStartedAsync() => DoAsync(MessengerPayloads.GetStarted(psid, host.Now));

        public Task<string> TypeAsync(string text, Func<SentMessage, bool>? until = null) =>
            DoAsync(MessengerPayloads.Text(psid, host.NextMid(), text, host.Now), until);

        public Task<string> TapAsync(string titleStart, Func<SentMessage, bool>? until = null)
        {
            var reply = Last.QuickReplies.FirstOrDefault(q => q.Title?.StartsWith(titleStart, StringComparison.Ordinal) == true)
                ?? throw new InvalidOperationException($"No quick reply '{titleStart}' in: {string.Join(" | ", Last.QuickReplies.Select(q => q.Title))}");
            return DoAsync(MessengerPayloads.QuickReply(psid, host.NextMid(), reply.Title!, reply.Payload!, host.Now), until);
        }

        /// <summary>Taps the button containing <paramref name="title"/> on the cards of the last message (a carousel).</summary>
        public Task<string> TapCardAsync(string title, Func<SentMessage, bool>? until = null)
        {
            var buttons = (Last.Cards ?? []).SelectMany(c => c.Buttons).ToList();
            var button = buttons.FirstOrDefault(b => b.Title.Contains(title, StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"No card button '{title}' in: {string.Join(" | ", buttons.Select(b => b.Title))}");
            return DoAsync(MessengerPayloads.Postback(psid, button.Title, button.Payload!, host.Now), until);
        }
    }

    [Fact]
    public async Task Resident_CompletesASubmission_FromGetStartedToTheReferenceNumber()
    {
        await using var host = await MessengerHost.StartAsync();
        var resident = new Resident(host, "psid-olena");

        var greeting = await resident.GetStartedAsync();
        await resident.TapAsync("Погоджуюся");
        await resident.TapAsync("Фізична особа");
        await resident.TapAsync("Поважний вік");
        await resident.TapAsync("Готово");
        // The catalog's 17 settlements and «Немає в переліку»: more than 13 quick replies, so cards, each one tap away.
        var cards = resident.Last.Cards!;
        await resident.TapCardAsync("Соловʼї");
        await resident.TapAsync("Безпека та оборона");
        await resident.TapAsync("Укриття", _ => true);
        await resident.TypeAsync("Облаштувати укриття у підвалі школи в селі Соловʼї, з вентиляцією і лавками.");
        var summary = await resident.TypeAsync("Марія Коваль, maria.koval@example.com");
        var done = await resident.TapAsync("✅ Надіслати");

        Assert.Contains("чат-бот Зеленодільської сільської громади", greeting, StringComparison.Ordinal);
        Assert.Contains("с. Соловʼї", summary, StringComparison.Ordinal);
        Assert.Matches(@"P-2026-\d{5}", done);
        // Get Started, consent, category, group, «Готово», settlement, sphere, topic, text, contact, «Надіслати».
        Assert.Equal(11, resident.Turns);
        Assert.Equal(18, cards.Sum(c => c.Buttons.Count));
        Assert.All(host.Graph.SentTo("psid-olena"), m => Assert.Equal("RESPONSE", m.MessagingType));
        Assert.All(host.Graph.SentTo("psid-olena").SelectMany(m => m.QuickReplies).Where(q => q.Title is not null), q => Assert.True(q.Title!.Length <= 20, q.Title));
        var proposal = await host.DbAsync(db => db.Proposals.Include(p => p.Settlement).SingleAsync());
        Assert.Equal(Channel.Messenger, proposal.Channel);
        Assert.Equal("solovii", proposal.Settlement!.Code);
        Assert.Equal("maria.koval@example.com", proposal.AuthorEmail);
        // The receipt: a button template whose URL button opens the proposal's status page.
        var receipt = Assert.Single(host.Graph.SentTo("psid-olena"), m => m.Buttons is { Count: > 0 });
        var button = Assert.Single(receipt.Buttons!);
        Assert.Equal("web_url", button.Type);
        Assert.Equal("Статус пропозиції", button.Title);
        Assert.EndsWith($"/p/{proposal.Reference}-{proposal.ReceiptCode}", button.Url, StringComparison.Ordinal);
        Assert.Contains(button.Url, receipt.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forget_LeavesNoTraceOfTheResidentsNameOrPhoneOrPsid_AnywhereInTheDatabase()
    {
        await using var host = await MessengerHost.StartAsync();
        var resident = new Resident(host, "psid-forgetme-77");
        await resident.GetStartedAsync();
        await resident.TapAsync("Погоджуюся");
        await resident.TapAsync("Громадська орг.");
        await resident.TypeAsync("Забірʼя");
        await resident.TapAsync("Інше", _ => true);
        await resident.TypeAsync("Створити у громаді раду ветеранів при сільській раді.");
        await resident.TypeAsync("Тарас Шевчук, 0503334455");
        await resident.TapAsync("✅ Надіслати");
        await resident.TypeAsync("/forget");

        var done = await resident.TapAsync("Так, видалити", m => m.Text.Contains("видалено", StringComparison.Ordinal));
        await host.Factory.Services.GetRequiredService<Core.Outbox.OutboxDispatcher>().FlushAsync();

        Assert.Contains("Знеособлено 1 пропозицію", done, StringComparison.Ordinal);
        var traces = await DatabaseScan.FindAsync(Path.Combine(host.Factory.Folder, "hromada.db"),
            "Тарас", "Шевчук", "0503334455", "503334455", "psid-forgetme-77");
        Assert.Empty(traces);
    }

    [Fact]
    public async Task DecisionNotice_OutsideThe24HourWindow_WaitsAndComesWithTheReplyToTheNextMessage()
    {
        await using var host = await MessengerHost.StartAsync();
        var resident = new Resident(host, "psid-ivan");
        await resident.GetStartedAsync();
        await resident.TapAsync("Погоджуюся");
        await resident.TapAsync("Громадська орг.");
        await resident.TypeAsync("Забірʼя");
        await resident.TapAsync("Інше", _ => true);
        await resident.TypeAsync("Створити у громаді раду ветеранів при сільській раді.");
        // The "user_phone_number" quick reply: Messenger posts the person's own number, without a name.
        var askName = await resident.DoAsync(MessengerPayloads.QuickReply("psid-ivan", host.NextMid(), "+380501234567", "+380501234567", host.Now));
        await resident.TypeAsync("ГО «Побратими»");
        await resident.TapAsync("✅ Надіслати");
        Assert.Contains("Як до вас звертатися?", askName, StringComparison.Ordinal);
        var reference = (await host.DbAsync(db => db.Proposals.SingleAsync())).Reference;

        host.Factory.Time.Advance(TimeSpan.FromDays(3));
        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Core.Storage.HromadaDbContext>();
            var p = await db.Proposals.SingleAsync();
            p.Outcome = DecisionOutcome.Accepted;
            p.Justification = "Раду ветеранів буде створено рішенням сесії.";
            p.ProtocolNumber = "9";
            p.ProtocolDate = new DateOnly(2026, 11, 4);
            p.Status = ProposalStatus.Decided;
            var notice = await scope.ServiceProvider.GetRequiredService<NotificationService>().EnqueueDecisionAsync(p);
            Assert.NotNull(notice);
            await db.SaveChangesAsync();
            scope.ServiceProvider.GetRequiredService<NotificationService>().Send();
            var held = await host.OutboxAsync(notice.Id, o => o.Status != OutboxStatus.Pending, "the notice outside the window");
            Assert.Equal(OutboxStatus.Held, held.Status);
        }
        var sentBefore = resident.Count;

        var reply = await resident.TypeAsync("/my");

        Assert.Contains($"Робоча група ухвалила рішення щодо вашої пропозиції {reference}: врахувати.", reply, StringComparison.Ordinal);
        Assert.Contains("Раду ветеранів буде створено", reply, StringComparison.Ordinal);
        Assert.True(resident.Count > sentBefore);
        var delivered = await host.DbAsync(db => db.OutboxMessages.SingleAsync(o => o.Purpose == OutboxPurpose.Notice));
        Assert.Equal(OutboxStatus.Sent, delivered.Status);
    }
}
