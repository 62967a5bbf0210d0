using Hromada.Core.Conversation;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Hromada.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Core.Tests.Conversation;

/// <summary>Two instances handling the same delivery at once, as a channel retrying while the first attempt still runs.</summary>
public sealed class ConversationRaceTests
{
    [DatabaseTheory, OnEachDatabase]
    public async Task SameMessageHandledByTwoInstancesAtOnce_IsAnsweredOnce_AndSubmitsOneProposal(DatabaseProvider database)
    {
        await using var host = await CoreTestHost.StartAsync(database: database);
        var resident = new ResidentDriver(host);
        await resident.FillUpToSummaryAsync();
        var send = resident.New() with { ChoiceValue = "sum:send" };

        var replies = await Task.WhenAll(HandleInOwnScopeAsync(host, send), HandleInOwnScopeAsync(host, send));

        Assert.Single(replies, r => !r.IsDuplicate);
        Assert.Single(replies, r => r.IsDuplicate && r.Messages.Count == 0);
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        Assert.Equal(1, await db.Proposals.CountAsync());
        Assert.Equal(1, await db.ProcessedMessages.CountAsync(p => p.Channel == Channel.Telegram && p.MessageId == send.MessageId));
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task FirstMessageOfANewResidentHandledTwiceAtOnce_CreatesOneResident(DatabaseProvider database)
    {
        await using var host = await CoreTestHost.StartAsync(database: database);
        var start = new InboundMessage(Channel.Telegram, "racing-resident", "1") { Text = "/start", LanguageCode = "uk" };

        var replies = await Task.WhenAll(HandleInOwnScopeAsync(host, start), HandleInOwnScopeAsync(host, start));

        Assert.Single(replies, r => !r.IsDuplicate);
        Assert.Contains(replies, r => r.Messages.Any(m => m.Choices.Any(c => c.Label == "Погоджуюся")));
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        Assert.Equal(1, await db.Residents.CountAsync(r => r.ChannelUserId == "racing-resident"));
    }

    private static async Task<ConversationReply> HandleInOwnScopeAsync(CoreTestHost host, InboundMessage message)
    {
        await Task.Yield();
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<ConversationTurns>().HandleAsync(message);
    }
}
