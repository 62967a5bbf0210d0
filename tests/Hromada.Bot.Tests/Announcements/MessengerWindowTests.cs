using System.Net.Http.Json;
using System.Text.Json;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Bot.Tests.Messenger;
using Hromada.Core.Proposals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Hromada.Bot.Tests.Announcements.AnnouncementsHost;

namespace Hromada.Bot.Tests.Announcements;

public sealed class MessengerWindowTests
{
    [Fact]
    public async Task SubscriberOutsideTheWindow_IsCountedAndGetsTheAnnouncementWithTheReplyToTheirNextMessage()
    {
        await using var host = await MessengerHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Hromada:Announcements:Notices:ConsultationOpened:Enabled"] = "false",
        });
        using var client = await CommunicationsAsync(host.Factory);
        var now = host.Factory.Time.GetUtcNow();
        var insideId = (await AddSubscribersAsync(host.Factory, Channel.Messenger, 1, lastInboundAt: now.AddHours(-3)))[0];
        var outsideId = (await AddSubscribersAsync(host.Factory, Channel.Messenger, 1, lastInboundAt: now.AddDays(-3)))[0];
        var inside = await DbAsync(host.Factory, db => db.Residents.Where(r => r.Id == insideId).Select(r => r.ChannelUserId).SingleAsync());
        var outside = await DbAsync(host.Factory, db => db.Residents.Where(r => r.Id == outsideId).Select(r => r.ChannelUserId).SingleAsync());
        var id = (await CreateAsync(client, new { text = "Громадські слухання — у четвер.", targets = new[] { "MessengerSubscribers" }, sendAt = "2026-11-02T11:01:00+02:00" }))
            .GetProperty("id").GetInt64();

        host.Factory.Time.Advance(TimeSpan.FromMinutes(1));
        await Eventually.GetAsync(() => host.Graph.SentTo(inside), s => s.Count == 1, "the push inside the window");
        // Send results are written in batches just after the send, and the result may reach the writer only after a
        // flush has started (seen under load): wait until the report has taken the send in before reading it.
        await host.Factory.Services.GetRequiredService<Hromada.Core.Outbox.OutboxDispatcher>().FlushAsync();
        JsonElement before = default;
        await WaitUntilAsync(async () =>
        {
            before = await client.GetFromJsonAsync<JsonElement>($"/api/admin/announcements/{id}/report");
            return before.GetProperty("total").GetProperty("sent").GetInt32() == 1;
        }, "the push inside the window recorded as sent");
        await host.SendAsync(MessengerPayloads.Text(outside, host.NextMid(), "Привіт", host.Now));
        var reply = await Eventually.GetAsync(() => host.Graph.SentTo(outside), s => s.Count >= 2, "the reply with the held announcement");
        JsonElement after = default;
        await WaitUntilAsync(async () =>
        {
            after = await client.GetFromJsonAsync<JsonElement>($"/api/admin/announcements/{id}/report");
            return after.GetProperty("total").GetProperty("sent").GetInt32() == 2;
        }, "both delivery rows sent");

        Assert.Equal("UPDATE", host.Graph.SentTo(inside)[0].MessagingType);
        var target = before.GetProperty("targets")[0];
        Assert.Equal(1, target.GetProperty("outsideWindow").GetInt32());
        Assert.Equal(1, target.GetProperty("counts").GetProperty("sent").GetInt32());
        Assert.Contains(reply, m => m.Text == "Громадські слухання — у четвер.");
        Assert.Equal(0, after.GetProperty("total").GetProperty("held").GetInt32());
    }
}
