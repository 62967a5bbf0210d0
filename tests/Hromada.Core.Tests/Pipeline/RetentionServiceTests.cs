using Hromada.Core.Inbox;
using Hromada.Core.Outbox;
using Hromada.Core.Pipeline;
using Hromada.Core.Proposals;
using Hromada.Core.Residents;
using Hromada.Core.Storage;
using Hromada.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Core.Tests.Pipeline;

public sealed class RetentionServiceTests
{
    [DatabaseTheory, OnEachDatabase]
    public async Task AfterAWeek_RawPayloadsAreBlanked_AfterAMonth_HandledRecordsAreGone_AndPendingWorkIsNeverTouched(DatabaseProvider database)
    {
        await using var host = await CoreTestHost.StartAsync(database: database);
        var start = host.Time.GetUtcNow();
        await SeedAsync(host, db =>
        {
            db.InboxItems.Add(Item("done", InboxStatus.Done, start, "{\"text\":\"Олена, 0671234567\"}"));
            db.InboxItems.Add(Item("waiting", InboxStatus.Pending, null, "{\"text\":\"ще не оброблено\"}"));
            db.OutboxMessages.Add(Row(OutboxPurpose.Reply, OutboxStatus.Sent, start, "[{\"text\":\"Підсумок: Олена, 0671234567\"}]"));
            db.OutboxMessages.Add(Row(OutboxPurpose.Notice, OutboxStatus.Sent, start, "[{\"text\":\"Рішення щодо P-2026-00001\"}]"));
            db.OutboxMessages.Add(Row(OutboxPurpose.Notice, OutboxStatus.Pending, null, "[{\"text\":\"ще надсилається\"}]"));
            db.ProcessedMessages.Add(new ProcessedMessage { Channel = Channel.Telegram, MessageId = "u1", ProcessedAt = start });
        });

        host.Time.Advance(TimeSpan.FromDays(8));
        await RunAsync(host);
        var afterAWeek = await ReadAsync(host);

        Assert.Equal("", afterAWeek.Inbox.Single(i => i.ExternalId == "done").Payload);
        Assert.Contains("ще не оброблено", afterAWeek.Inbox.Single(i => i.ExternalId == "waiting").Payload, StringComparison.Ordinal);
        Assert.All(afterAWeek.Outbox.Where(o => o.Status == OutboxStatus.Sent), o => Assert.Equal("[]", o.Payload));
        Assert.Contains("ще надсилається", afterAWeek.Outbox.Single(o => o.Status == OutboxStatus.Pending).Payload, StringComparison.Ordinal);

        host.Time.Advance(TimeSpan.FromDays(30));
        await RunAsync(host);
        var afterAMonth = await ReadAsync(host);

        Assert.Equal(["waiting"], afterAMonth.Inbox.Select(i => i.ExternalId));
        Assert.DoesNotContain(afterAMonth.Outbox, o => o.Purpose == OutboxPurpose.Reply);
        var notice = afterAMonth.Outbox.Single(o => o.Purpose == OutboxPurpose.Notice && o.Status == OutboxStatus.Sent);
        Assert.Equal("", notice.Recipient);
        Assert.Single(afterAMonth.Outbox, o => o.Status == OutboxStatus.Pending);
        Assert.Equal(0, afterAMonth.Marks);
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task IdleWebChatSession_IsDeleted_WithItsMessages_ButASubscriberAndARecentOneStay(DatabaseProvider database)
    {
        await using var host = await CoreTestHost.StartAsync(database: database);
        var start = host.Time.GetUtcNow();
        await SeedAsync(host, db =>
        {
            db.Residents.Add(new Resident { Channel = Channel.WebChat, ChannelUserId = "idle-session-token-0000000", CreatedAt = start, LastInboundAt = start });
            db.Residents.Add(new Resident { Channel = Channel.WebChat, ChannelUserId = "subscriber-token-000000000", CreatedAt = start, LastInboundAt = start, IsSubscribed = true });
            db.InboxItems.Add(Item("idle-session-token-0000000:m1", InboxStatus.Done, start, "{\"text\":\"привіт\"}", Channel.WebChat, "idle-session-token-0000000"));
            db.OutboxMessages.Add(Row(OutboxPurpose.Reply, OutboxStatus.Sent, start, "[{\"text\":\"Вітаємо\"}]", Channel.WebChat, "idle-session-token-0000000"));
        });
        host.Time.Advance(TimeSpan.FromDays(3));
        await SeedAsync(host, db => db.Residents.Add(new Resident
        {
            Channel = Channel.WebChat, ChannelUserId = "fresh-session-token-000000", CreatedAt = host.Time.GetUtcNow(), LastInboundAt = host.Time.GetUtcNow(),
        }));

        await RunAsync(host);

        var left = await ReadAsync(host);
        Assert.Equal(["fresh-session-token-000000", "subscriber-token-000000000"], left.Residents.Order());
        Assert.Empty(left.Inbox);
        Assert.Empty(left.Outbox);
    }

    private static InboxItem Item(string id, InboxStatus status, DateTimeOffset? processed, string payload, Channel channel = Channel.Telegram, string sender = "101") => new()
    {
        Channel = channel, ExternalId = id, SenderKey = sender, Payload = payload, Status = status,
        ReceivedAt = processed ?? DateTimeOffset.UnixEpoch, NextAttemptAt = processed ?? DateTimeOffset.UnixEpoch, ProcessedAt = processed,
    };

    private static OutboxMessage Row(OutboxPurpose purpose, OutboxStatus status, DateTimeOffset? completed, string payload, Channel channel = Channel.Telegram, string recipient = "101") => new()
    {
        Channel = channel, Recipient = recipient, Purpose = purpose, Status = status, Payload = payload, CompletedAt = completed,
        CreatedAt = completed ?? DateTimeOffset.UnixEpoch, NextAttemptAt = completed ?? DateTimeOffset.UnixEpoch,
    };

    private static async Task SeedAsync(CoreTestHost host, Action<HromadaDbContext> seed)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        seed(db);
        await db.SaveChangesAsync();
    }

    private static Task<int> RunAsync(CoreTestHost host) => host.Services.GetRequiredService<RetentionService>().RunOnceAsync(CancellationToken.None);

    private static async Task<(List<InboxItem> Inbox, List<OutboxMessage> Outbox, int Marks, List<string> Residents)> ReadAsync(CoreTestHost host)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        return (await db.InboxItems.AsNoTracking().ToListAsync(), await db.OutboxMessages.AsNoTracking().ToListAsync(),
            await db.ProcessedMessages.CountAsync(), await db.Residents.Select(r => r.ChannelUserId).ToListAsync());
    }
}
