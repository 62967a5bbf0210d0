using System.Net.Http.Json;
using System.Text.Json;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Bot.Tests.Messenger;
using Hromada.Core.Conversation;
using Hromada.Core.Outbox;
using Hromada.Core.Proposals;
using Hromada.Core.Residents;
using Microsoft.EntityFrameworkCore;
using static Hromada.Bot.Tests.Announcements.AnnouncementsHost;

namespace Hromada.Bot.Tests.Viber;

/// <summary>Sends to Viber through the common outbox: Viber's status codes (in a 200's JSON body) retried, waited out or final.</summary>
public sealed class ViberDeliveryTests
{
    private static readonly Dictionary<string, string?> Quiet = new()
    {
        ["Hromada:Announcements:Notices:ConsultationOpened:Enabled"] = "false",
        ["Hromada:Announcements:Notices:DeadlineReminder:Enabled"] = "false",
        ["Hromada:Announcements:Notices:ConsultationClosed:Enabled"] = "false",
        ["Hromada:Pipeline:PollInterval"] = "00:00:00.200",
        ["Hromada:Viber:ThrottleWait"] = "00:00:05",
    };

    [Fact]
    public async Task TooManyRequests_WaitsAndRetries_ThenTheReplyArrivesOnce()
    {
        await using var host = await ViberHost.StartAsync(new FakeConversationEngine(), Quiet);
        host.Viber.FailNext(12);

        await host.SendAsync(ViberPayloads.Text("vb-slow==", "привіт", host.Now));
        await Eventually.GetAsync(() => host.Viber.Attempts, a => a >= 1, "the throttled attempt");
        Assert.Empty(host.Viber.Sent);

        var sent = await Eventually.GetAsync(() =>
        {
            host.Factory.Time.Advance(TimeSpan.FromSeconds(1));
            return host.Viber.SentTo("vb-slow==");
        }, m => m.Count >= 1, "the retried reply");

        Assert.Equal("ви написали: привіт", Assert.Single(sent).Text);
        Assert.Equal(2, host.Viber.Attempts);
    }

    [Fact]
    public async Task TheShareButton_IsInTheMessagesLanguage_NotLookedUpInTheResidentsTable()
    {
        await using var host = await ViberHost.StartAsync(new FakeConversationEngine(), Quiet);
        // This resident's row says English, but the message was written in Ukrainian: the message's language is used.
        await host.DbAsync(db =>
        {
            db.Residents.Add(new Resident { Channel = Channel.Viber, ChannelUserId = "vb-uk==", Language = "en", CreatedAt = host.Factory.Time.GetUtcNow() });
            return db.SaveChangesAsync();
        });
        var ask = new OutboundMessage("Поділіться, будь ласка, номером телефону.") { RequestContact = true };
        await host.EnqueueAsync(new OutboxRequest(Channel.Viber, "vb-en==", OutboxPurpose.Notice, [ask with { Text = "Please share your phone number." }]) { Language = "en" });
        await host.EnqueueAsync(new OutboxRequest(Channel.Viber, "vb-uk==", OutboxPurpose.Notice, [ask]) { Language = "uk-UA" });
        await host.EnqueueAsync(new OutboxRequest(Channel.Viber, "vb-default==", OutboxPurpose.Notice, [ask]));

        var sent = await Eventually.GetAsync(() =>
        {
            host.Factory.Time.Advance(TimeSpan.FromSeconds(1));
            return host.Viber.Sent;
        }, s => s.Count >= 3, "the three messages");

        string Share(string to) => sent.Single(m => m.Receiver == to).Buttons.Single(b => b.ActionType == "share-phone").Text;
        Assert.Equal("📱 Share my number", Share("vb-en=="));
        Assert.Equal("📱 Поділитися моїм номером", Share("vb-uk=="));
        // No language written with it (a row from before the column): the hromada's default culture.
        Assert.Equal("📱 Поділитися моїм номером", Share("vb-default=="));
    }

    [Fact]
    public async Task FailedCallback_MarksThatMessagesOutboxRowFailed_WithVibersReason_AndNoOther()
    {
        await using var host = await ViberHost.StartAsync(new FakeConversationEngine(), Quiet);
        var notice = await host.EnqueueAsync(new OutboxRequest(Channel.Viber, "vb-far==", OutboxPurpose.Notice, [new OutboundMessage("Рішення щодо вашої пропозиції ухвалено.")]));
        var other = await host.EnqueueAsync(new OutboxRequest(Channel.Viber, "vb-far==", OutboxPurpose.Notice, [new OutboundMessage("Ще одне повідомлення.")]));
        // Pushes to one resident are paced on the host's (fake) clock: move it while waiting.
        var sent = await host.OutboxAsync(notice, m => m.Status == OutboxStatus.Sent, "the notice sent");
        await Eventually.GetAsync(() =>
        {
            host.Factory.Time.Advance(TimeSpan.FromSeconds(1));
            return host.DbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == other)).GetAwaiter().GetResult();
        }, m => m.Status == OutboxStatus.Sent, "the second notice sent");
        var token = await Eventually.GetAsync(() => host.DbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Id == notice).Select(m => m.ReplyContext).SingleAsync())
            .GetAwaiter().GetResult(), c => c?.StartsWith("mt;", StringComparison.Ordinal) == true, "the message token kept");

        await host.SendAsync(ViberPayloads.Failed("vb-far==", long.Parse(token!["mt;".Length..].TrimEnd(';'), System.Globalization.CultureInfo.InvariantCulture), host.Now));
        await host.SendAsync(ViberPayloads.Failed("vb-far==", 4_999_999_999_999_999_999, host.Now));

        var failed = await host.OutboxAsync(notice, m => m.Status == OutboxStatus.Failed, "the notice marked failed");
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Contains("failure description", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(OutboxStatus.Sent, (await host.OutboxAsync(other, _ => true, "the second notice")).Status);
    }

    [Fact]
    public async Task GeneralError_IsRetriedOnATimer_AndABadRequestIsGivenUpAtOnce()
    {
        await using var host = await ViberHost.StartAsync(new FakeConversationEngine(), Quiet);
        host.Viber.FailNext(99);
        host.Viber.FailNext(99);

        await host.SendAsync(ViberPayloads.Text("vb-down==", "привіт", host.Now));
        var sent = await Eventually.GetAsync(() =>
        {
            host.Factory.Time.Advance(TimeSpan.FromSeconds(2));
            return host.Viber.SentTo("vb-down==");
        }, m => m.Count >= 1, "the retried reply");
        host.Viber.FailNext(3);
        var id = await host.EnqueueAsync(new OutboxRequest(Channel.Viber, "vb-down==", OutboxPurpose.Notice, [new OutboundMessage("повідомлення")]));
        var refused = await host.OutboxAsync(id, o => o.Status != OutboxStatus.Pending, "the refused notice");

        Assert.Equal("ви написали: привіт", Assert.Single(sent).Text);
        Assert.Equal(OutboxStatus.Failed, refused.Status);
        Assert.Contains("Refused: Viber status 3", refused.LastError, StringComparison.Ordinal);
        Assert.Equal(4, host.Viber.Attempts);
    }

    [Fact]
    public async Task ResidentWhoUnsubscribed_IsMarked_AndNeverMessagedAgain()
    {
        await using var host = await ViberHost.StartAsync(new FakeConversationEngine(), Quiet);
        await AddResidentAsync(host, "vb-gone==");
        host.Viber.Unsubscribe("vb-gone==");

        var first = await host.EnqueueAsync(new OutboxRequest(Channel.Viber, "vb-gone==", OutboxPurpose.Notice, [new OutboundMessage("рішення")]));
        var blocked = await host.OutboxAsync(first, o => o.Status != OutboxStatus.Pending, "the first notice");
        var resident = await Eventually.GetAsync(() => host.DbAsync(db => db.Residents.AsNoTracking().SingleAsync(r => r.ChannelUserId == "vb-gone==")).GetAwaiter().GetResult(),
            r => r.IsBlocked, "the resident marked");
        var attempts = host.Viber.Attempts;
        var second = await host.EnqueueAsync(new OutboxRequest(Channel.Viber, "vb-gone==", OutboxPurpose.Notice, [new OutboundMessage("ще одне рішення")]));
        // Pushes are paced on the host's clock: move it on until the second one has had its turn.
        var notSent = await host.OutboxAsync(second, o =>
        {
            host.Factory.Time.Advance(TimeSpan.FromSeconds(1));
            return o.Status != OutboxStatus.Pending;
        }, "the second notice");

        Assert.Equal(OutboxStatus.Blocked, blocked.Status);
        Assert.Contains("Viber status 6", blocked.LastError, StringComparison.Ordinal);
        Assert.False(resident.IsSubscribed);
        Assert.Equal(OutboxStatus.Blocked, notSent.Status);
        Assert.Equal(attempts, host.Viber.Attempts);
    }

    [Fact]
    public async Task Broadcast_ToAThousandViberSubscribers_ReachesEachOnce_InBroadcastCallsOf300()
    {
        await using var host = await ViberHost.StartAsync(settings: new Dictionary<string, string?>(Quiet) { ["Hromada:Viber:PushesPerSecond"] = "1000" });
        using var client = await CommunicationsAsync(host.Factory);
        var ids = await AddSubscribersAsync(host.Factory, Channel.Viber, 1000);
        await AddSubscribersAsync(host.Factory, Channel.Viber, 1, subscribed: false, blocked: true);
        var receivers = await DbAsync(host.Factory, db => db.Residents.Where(r => ids.Contains(r.Id)).Select(r => r.ChannelUserId).ToListAsync());
        host.Viber.Unsubscribe(receivers[500]);

        var id = (await CreateAsync(client, new { text = "Громадські слухання — у четвер о 17:00.", targets = new[] { "ViberSubscribers" }, sendAt = "2026-11-02T11:01:00+02:00" }))
            .GetProperty("id").GetInt64();
        host.Factory.Time.Advance(TimeSpan.FromMinutes(1));
        JsonElement report = default;
        await WaitUntilAsync(async () =>
        {
            host.Factory.Time.Advance(TimeSpan.FromSeconds(1));
            report = await client.GetFromJsonAsync<JsonElement>($"/api/admin/announcements/{id}/report");
            var total = report.GetProperty("total");
            return total.GetProperty("sent").GetInt32() == 999 && total.GetProperty("blocked").GetInt32() == 1;
        }, "999 sent and 1 blocked");

        var calls = host.Viber.Broadcasts;
        var reached = calls.SelectMany(c => c.Receivers).ToList();
        Assert.Equal(999, reached.Count);
        Assert.Equal(receivers.Where(r => r != receivers[500]).Order(), reached.Order());
        Assert.All(calls, c => Assert.InRange(c.Receivers.Count, 0, 300));
        Assert.All(calls, c => Assert.Equal("Громадські слухання — у четвер о 17:00.", c.Text));
        // Full calls, not as many as the dispatcher sends at once (MaxConcurrentSends, 32): 1,000 go in a handful.
        Assert.True(calls.Count <= 8, $"{calls.Count} broadcast_message calls for 1,000 subscribers: {string.Join(", ", calls.Select(c => c.Receivers.Count))}");
        Assert.Contains(calls, c => c.Receivers.Count > 32);
        Assert.Empty(host.Viber.Sent);
        var gone = await DbAsync(host.Factory, db => db.Residents.AsNoTracking().SingleAsync(r => r.ChannelUserId == receivers[500]));
        Assert.True(gone.IsBlocked);
    }

    [Fact]
    public async Task WebhookUrl_IsRegisteredAtStart_WithTheEventsTheChannelHandles()
    {
        await using var host = await ViberHost.StartAsync(new FakeConversationEngine(),
            new Dictionary<string, string?> { ["Hromada:Viber:WebhookUrl"] = "https://bot.zelenodil.example/webhooks/viber" });
        using var health = await host.Client.GetAsync("/healthz");

        var call = (await Eventually.GetAsync(() => host.Viber.WebhookCalls, c => c.Count == 1, "set_webhook")).Single();

        Assert.Equal("https://bot.zelenodil.example/webhooks/viber", call["url"]!.GetValue<string>());
        Assert.Equal(["subscribed", "unsubscribed", "conversation_started", "failed"], call["event_types"]!.AsArray().Select(e => e!.GetValue<string>()));
    }

    [Fact]
    public async Task WebhookNotTaken_HealthSaysViberIsDeaf_UntilATryLaterSetsIt()
    {
        const string url = "https://bot.zelenodil.example/webhooks/viber";
        await using var host = await ViberHost.StartAsync(new FakeConversationEngine(), new Dictionary<string, string?> { ["Hromada:Viber:WebhookUrl"] = url });
        host.Viber.FailNextWebhook(1, "Result[HttpRequest[POST " + url + "] error[Connection refused]]");

        var deaf = await Eventually.GetAsync(() => host.Client.GetFromJsonAsync<JsonElement>("/healthz").GetAwaiter().GetResult(),
            h => h.GetProperty("status").GetString() == "attention", "/healthz to say attention while Viber has not taken the webhook");
        // The next try is due on the service's clock (10 s); Viber takes the second call.
        var healed = await Eventually.GetAsync(() =>
        {
            host.Factory.Time.Advance(TimeSpan.FromSeconds(5));
            return host.Client.GetFromJsonAsync<JsonElement>("/healthz").GetAwaiter().GetResult();
        }, h => h.GetProperty("status").GetString() == "ok", "/healthz to say ok once Viber has taken the webhook");

        var problem = deaf.GetProperty("notReceiving").GetProperty("Viber").GetString();
        Assert.Contains("set_webhook", problem, StringComparison.Ordinal);
        Assert.Contains("Connection refused", problem, StringComparison.Ordinal);
        Assert.False(healed.TryGetProperty("notReceiving", out var none) && none.ValueKind != JsonValueKind.Null);
        Assert.Equal(2, host.Viber.WebhookCalls.Count);
        Assert.All(host.Viber.WebhookCalls, c => Assert.Equal(url, c["url"]!.GetValue<string>()));
    }

    private static async Task AddResidentAsync(ViberHost host, string id) => await host.DbAsync(db =>
    {
        db.Residents.Add(new Resident { Channel = Channel.Viber, ChannelUserId = id, CreatedAt = host.Factory.Time.GetUtcNow(), IsSubscribed = true });
        return db.SaveChangesAsync();
    });
}
