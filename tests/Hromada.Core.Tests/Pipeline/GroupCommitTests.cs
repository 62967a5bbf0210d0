using System.Globalization;
using Hromada.Core.Conversation;
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

/// <summary>The group commit of turns: many residents' turns in one transaction, each undone alone when it fails.</summary>
public sealed class GroupCommitTests
{
    [DatabaseTheory, OnEachDatabase]
    public async Task TurnsOfManyResidents_CommitInOneTransaction_EachWithItsStateReplyAndMark(DatabaseProvider database)
    {
        await using var host = await CoreTestHost.StartAsync(database: database);
        var turns = Enumerable.Range(1, 50).Select(i => NewResidentTurn(host, $"group-{i}", $"Привіт, {i}")).ToList();

        IReadOnlyList<TurnCommitResult> results;
        await using (var scope = host.Scope())
        {
            results = await scope.ServiceProvider.GetRequiredService<IPipelineStore>().CommitTurnsAsync(turns, CancellationToken.None);
        }

        Assert.All(results, r => Assert.Equal(TurnCommitStatus.Committed, r.Status));
        await using var check = host.Scope();
        var db = check.ServiceProvider.GetRequiredService<HromadaDbContext>();
        Assert.Equal(50, await db.Residents.CountAsync(r => r.ChannelUserId.StartsWith("group-")));
        Assert.Equal(50, await db.ProcessedMessages.CountAsync());
        var replies = await db.OutboxMessages.AsNoTracking().Where(o => o.Recipient.StartsWith("group-")).ToListAsync();
        Assert.Equal(50, replies.Count);
        Assert.All(replies, o => Assert.NotNull(o.ResidentId));
        Assert.Contains(replies, o => OutboxPayload.Read(o.Payload)[0].Text == "Привіт, 17" && o.Recipient == "group-17");
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task OneFailingTurnInABatch_IsUndoneAlone_AndTheOthersStayCommitted(DatabaseProvider database)
    {
        await using var host = await CoreTestHost.StartAsync(database: database);
        var broken = NewResidentTurn(host, "broken", "Дякуємо!") with { };
        var proposal = new NewProposal
        {
            // No such consultation: receiving the proposal fails inside the batch's transaction.
            ConsultationId = 999, Channel = Channel.Telegram, ReceivedAt = host.Time.GetUtcNow(), AuthorCategoryId = 1, SphereId = 1,
            Text = "Пропозиція, яку не можна прийняти", Actor = "resident:Telegram",
        };
        broken = broken with { Decision = broken.Decision with { Effects = [new TurnEffect.Submit(proposal)] } };
        var turns = new[] { NewResidentTurn(host, "before", "Перше"), broken, NewResidentTurn(host, "after", "Третє") };

        IReadOnlyList<TurnCommitResult> results;
        await using (var scope = host.Scope())
        {
            results = await scope.ServiceProvider.GetRequiredService<IPipelineStore>().CommitTurnsAsync(turns, CancellationToken.None);
        }

        Assert.Equal([TurnCommitStatus.Committed, TurnCommitStatus.Failed, TurnCommitStatus.Committed], results.Select(r => r.Status));
        Assert.Contains("999", results[1].Error!.Message, StringComparison.Ordinal);
        await using var check = host.Scope();
        var db = check.ServiceProvider.GetRequiredService<HromadaDbContext>();
        Assert.Equal(["after", "before"], await db.Residents.OrderBy(r => r.ChannelUserId).Select(r => r.ChannelUserId).ToListAsync());
        Assert.Equal(["after", "before"], await db.OutboxMessages.OrderBy(o => o.Recipient).Select(o => o.Recipient).ToListAsync());
        Assert.Equal(0, await db.Proposals.CountAsync());
        // The failed turn left no mark: handled again, it is not taken for a duplicate.
        Assert.False(await db.ProcessedMessages.AnyAsync(p => p.MessageId == broken.Message.MessageId));
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task ConcurrentHandlers_AreCommittedTogether_AndARedeliveryIsADuplicate(DatabaseProvider database)
    {
        await using var host = await CoreTestHost.StartAsync(database: database);
        var committer = host.Services.GetRequiredService<TurnCommitter>();
        var turns = Enumerable.Range(1, 40).Select(i => NewResidentTurn(host, $"at-once-{i}", "Вітаємо")).ToList();

        var results = await Task.WhenAll(turns.Select(t => committer.CommitAsync(t)));
        var again = await committer.CommitAsync(turns[0]);

        Assert.All(results, r => Assert.Equal(TurnCommitStatus.Committed, r.Status));
        Assert.Equal(TurnCommitStatus.Duplicate, again.Status);
        await using var check = host.Scope();
        var db = check.ServiceProvider.GetRequiredService<HromadaDbContext>();
        Assert.Equal(40, await db.OutboxMessages.CountAsync());
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task TurnStatesOfManyResidents_AreReadTogether_EachItsOwnWithItsHeldMessages(DatabaseProvider database)
    {
        await using var host = await CoreTestHost.StartAsync(database: database);
        var turns = Enumerable.Range(1, 30).Select(i => NewResidentTurn(host, $"read-{i}", "Вітаємо")).ToList();
        await using (var scope = host.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<IPipelineStore>().CommitTurnsAsync(turns, CancellationToken.None);
        }
        await using (var scope = host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
            var held = await db.Residents.SingleAsync(r => r.ChannelUserId == "read-7");
            await db.Residents.Where(r => r.ChannelUserId == "read-9").ExecuteUpdateAsync(s => s.SetProperty(r => r.ConversationStep, "topic"));
            foreach (var text in new[] { "Перше відкладене", "Друге відкладене" })
            {
                db.OutboxMessages.Add(new OutboxMessage
                {
                    Channel = Channel.Telegram, Recipient = "read-7", Purpose = OutboxPurpose.Notice, ResidentId = held.Id,
                    Payload = OutboxPayload.Write([new OutboundMessage(text)]), Status = OutboxStatus.Held,
                    CreatedAt = host.Time.GetUtcNow(), NextAttemptAt = host.Time.GetUtcNow(),
                });
            }
            await db.SaveChangesAsync();
        }
        var loader = host.Services.GetRequiredService<TurnLoader>();

        // All asked at once, as the handlers of many residents do: read in batches, each answer its own.
        var keys = Enumerable.Range(1, 30).Select(i => new TurnKey(Channel.Telegram, $"read-{i}")).Append(new TurnKey(Channel.Telegram, "never-wrote")).ToList();
        var states = await Task.WhenAll(keys.Select(k => loader.LoadAsync(k)));

        for (var i = 0; i < 30; i++)
        {
            Assert.Equal($"read-{i + 1}", states[i].Resident!.ChannelUserId);
            Assert.Equal(Channel.Telegram, states[i].Resident!.Channel);
        }
        Assert.Equal(30, states.Take(30).Select(s => s.Resident!.Id).Distinct().Count());
        Assert.Equal("topic", states[8].Resident!.ConversationStep);
        Assert.Equal("", states[7].Resident!.ConversationStep);
        Assert.Equal(["Перше відкладене", "Друге відкладене"], states[6].Held.SelectMany(h => h.Messages).Select(m => m.Text));
        Assert.All(states.Where((_, i) => i != 6), s => Assert.Empty(s.Held));
        Assert.Null(states[30].Resident);
        await using var read = host.Scope();
        var direct = await read.ServiceProvider.GetRequiredService<IPipelineStore>().LoadTurnsAsync([keys[6], keys[30], keys[0]], CancellationToken.None);
        Assert.Equal([2, 0, 0], direct.Select(s => s.Held.Count));
        Assert.Equal(["read-7", null, "read-1"], direct.Select(s => s.Resident?.ChannelUserId));
    }

    private static int _message;

    private static TurnCommit NewResidentTurn(CoreTestHost host, string user, string reply)
    {
        var now = host.Time.GetUtcNow();
        var id = Interlocked.Increment(ref _message).ToString(CultureInfo.InvariantCulture);
        var resident = new Resident { Channel = Channel.Telegram, ChannelUserId = user, Language = "uk-UA", CreatedAt = now, LastInboundAt = now, ConversationStep = "" };
        var decision = new TurnDecision(resident, [new OutboundMessage(reply)], []) { IsNewResident = true };
        return new TurnCommit(new InboundMessage(Channel.Telegram, user, id) { Text = "/start" }, decision, now);
    }
}
