using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Bot.Telegram;
using Hromada.Core.Inbox;
using Hromada.Core.Proposals;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Bot.Tests.Telegram;

public sealed class TelegramWebhookTests
{
    private const long Chat = 5552002;

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-secret")]
    [InlineData("test_webhook-secreT")]
    public async Task WrongOrMissingSecretToken_Returns401_AndNothingIsStored(string? secret)
    {
        await using var host = await TelegramHost.StartAsync(webhook: true);

        var response = await host.PostWebhookAsync(TelegramUpdates.Text(host.NextUpdateId(), Chat, "/start").ToJsonString(), secret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await host.DbAsync(db => db.InboxItems.CountAsync()));
    }

    [Fact]
    public async Task WebhookNotTaken_HealthSaysTheBotIsDeaf_UntilATryLaterSetsIt()
    {
        await using var api = await FakeBotApi.StartAsync();
        api.FailNext("setWebhook", 400, "Bad Request: bad webhook: Failed to resolve host");
        await using var host = await TelegramHost.StartAsync(webhook: true, api: api);

        var deaf = await Eventually.GetAsync(() => host.Client.GetFromJsonAsync<JsonElement>("/healthz").GetAwaiter().GetResult(),
            h => h.GetProperty("status").GetString() == "attention", "/healthz to say attention while the webhook is not set");
        // The next try is due on the service's clock (10 s); the second call is taken.
        var healed = await Eventually.GetAsync(() =>
        {
            host.Factory.Time.Advance(TimeSpan.FromSeconds(5));
            return host.Client.GetFromJsonAsync<JsonElement>("/healthz").GetAwaiter().GetResult();
        }, h => h.GetProperty("status").GetString() == "ok", "/healthz to say ok once the webhook is set");

        Assert.Contains("bad webhook", deaf.GetProperty("notReceiving").GetProperty("Telegram").GetString(), StringComparison.Ordinal);
        Assert.False(healed.TryGetProperty("notReceiving", out var none) && none.ValueKind != JsonValueKind.Null);
        Assert.Equal(2, api.CallsOf("setWebhook").Count);
    }

    [Fact]
    public async Task GarbageJson_Returns400_AndTheNextUpdateIsHandled()
    {
        await using var host = await TelegramHost.StartAsync(webhook: true);
        var r = new TelegramResident(host, Chat);

        var garbage = await host.PostWebhookAsync("{\"update_id\": 5, \"message\": {oops", TelegramHost.Secret);
        var empty = await host.PostWebhookAsync("{}", TelegramHost.Secret);
        var answer = await r.TypeAsync("/start");

        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Вітаємо", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OversizedBody_Returns413()
    {
        await using var host = await TelegramHost.StartAsync(webhook: true);
        var huge = TelegramUpdates.Text(host.NextUpdateId(), Chat, new string('я', 600_000)).ToJsonString();

        var response = await host.PostWebhookAsync(huge, TelegramHost.Secret);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task UpdateStoredButNotProcessed_IsProcessedAfterARestart()
    {
        await using var api = await FakeBotApi.StartAsync();
        var folder = Path.Combine(Path.GetTempPath(), "hromada-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        await using (var first = await TelegramHost.StartAsync(webhook: true, api: api, folder: folder))
        {
            // An update acknowledged just before the process died: stored, never processed.
            await first.DbAsync(async db =>
            {
                db.InboxItems.Add(new InboxItem
                {
                    Channel = Channel.Telegram,
                    ExternalId = "900",
                    SenderKey = Chat.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Payload = TelegramUpdates.Text(900, Chat, "/start").ToJsonString(),
                    ReceivedAt = first.Factory.Time.GetUtcNow(),
                    Status = InboxStatus.SetAside,
                });
                return await db.SaveChangesAsync();
            });
            // Set aside while the first host ran, so only the second one can take it up once it is pending again.
            await first.DbAsync(db => db.InboxItems.Where(i => i.ExternalId == "900").ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InboxStatus.Pending)));
        }

        await using var second = await TelegramHost.StartAsync(webhook: true, api: api, folder: folder);
        var deadline = Environment.TickCount64 + 10_000;
        while (api.SentTo(Chat).Count == 0 && Environment.TickCount64 < deadline)
        {
            await Task.Delay(20);
        }

        var state = await second.DbAsync(db => db.InboxItems.SingleAsync(i => i.ExternalId == "900"));
        Assert.True(api.SentTo(Chat).Count > 0, $"attempts {state.Attempts}, processed {state.ProcessedAt}, error {state.LastError}; calls: {string.Join(",", api.Calls.Select(c => c.Method))}");
        Assert.Contains("Вітаємо", api.SentTo(Chat)[0].Body["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull((await second.DbAsync(db => db.InboxItems.SingleAsync(i => i.ExternalId == "900"))).ProcessedAt);
    }

    [Fact]
    public void LongText_IsSplitOnParagraphs_WithinTheLimit_AndEscaped()
    {
        var paragraph = string.Join(' ', Enumerable.Repeat("Пропозиція <про> дороги & мости.", 40));
        var text = string.Join("\n\n", Enumerable.Repeat(paragraph, 8));

        var parts = TelegramChannelSender.Split(text);

        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.InRange(p.Length, 1, TelegramChannelSender.MaxLength));
        Assert.All(parts, p => Assert.DoesNotContain("<про>", p, StringComparison.Ordinal));
        Assert.All(parts.SkipLast(1), p => Assert.EndsWith("мости.", p, StringComparison.Ordinal));
        Assert.Equal(text.Replace("\n", "", StringComparison.Ordinal).Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal),
            string.Concat(parts).Replace("\n", "", StringComparison.Ordinal));
    }
}
