using Hromada.Core.Conversation;
using Hromada.Core.Outbox;
using Hromada.Core.Audit;
using Hromada.Core.Notifications;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Hromada.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Core.Tests.Conversation;

/// <summary>What holds around the questionnaire: restarts, redeliveries, deadlines, limits, privacy, status, notices.</summary>
public sealed class ConversationRulesTests
{
    private static async Task<T> DbAsync<T>(CoreTestHost host, Func<HromadaDbContext, Task<T>> work)
    {
        await using var scope = host.Scope();
        return await work(scope.ServiceProvider.GetRequiredService<HromadaDbContext>());
    }

    [Fact]
    public async Task RestartMidConversation_ResumesAtTheSameStep()
    {
        await using var host = await CoreTestHost.StartAsync();
        var resident = new ResidentDriver(host);
        await resident.TextAsync("/start");
        await resident.PressAsync("Погоджуюся");
        await resident.PressAsync("Громадська організація");
        await resident.TextAsync("Садове");

        await host.RestartAsync();
        await resident.PressAsync("Економіка");

        Assert.Contains("Уточніть тему", resident.LastText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedeliveredMessage_IsAnsweredOnce()
    {
        await using var host = await CoreTestHost.StartAsync();
        var resident = new ResidentDriver(host);
        await resident.FillUpToSummaryAsync();
        var send = resident.New() with { ChoiceValue = "sum:send" };

        var first = await resident.SendAsync(send);
        var again = await resident.SendAsync(send);

        Assert.False(first.IsDuplicate);
        Assert.True(again.IsDuplicate);
        Assert.Empty(again.Messages);
        Assert.Equal(1, await DbAsync(host, db => db.Proposals.CountAsync()));
    }

    [Fact]
    public async Task AfterTheDeadline_TheProposalIsReceivedFlaggedLate_AndTheResidentIsTold()
    {
        await using var host = await CoreTestHost.StartAsync();
        var resident = new ResidentDriver(host);
        await resident.FillUpToSummaryAsync();
        host.Time.Advance(TimeSpan.FromDays(31));

        await resident.PressAsync("Надіслати");

        Assert.Contains("після завершення строку", resident.LastText, StringComparison.Ordinal);
        Assert.True((await DbAsync(host, db => db.Proposals.SingleAsync())).IsLate);
    }

    [Fact]
    public async Task NoOpenConsultation_SaysSo_AndOffersToSubscribe()
    {
        await using var host = await CoreTestHost.StartAsync();
        await DbAsync(host, async db =>
        {
            (await db.Consultations.SingleAsync()).ClosedAt = host.Time.GetUtcNow();
            return await db.SaveChangesAsync();
        });
        var resident = new ResidentDriver(host);

        await resident.TextAsync("/start");
        Assert.Contains("збір пропозицій не триває", resident.LastText, StringComparison.Ordinal);
        await resident.PressAsync("Підписатися");

        Assert.True((await DbAsync(host, db => db.Residents.SingleAsync())).IsSubscribed);
        await resident.TextAsync("/new");
        Assert.Contains("не триває", resident.LastText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooManyMessagesInAMinute_OneNoticeThenSilence_UntilTheMinutePasses()
    {
        await using var host = await CoreTestHost.StartAsync(new Dictionary<string, string?> { ["Hromada:Conversation:MaxMessagesPerMinute"] = "5" });
        var resident = new ResidentDriver(host);
        await resident.TextAsync("/start");
        for (var i = 0; i < 4; i++)
        {
            await resident.TextAsync("/help");
        }

        var notice = await resident.TextAsync("/help");
        var silence = await resident.TextAsync("/help");
        host.Time.Advance(TimeSpan.FromSeconds(61));
        var back = await resident.TextAsync("/help");

        Assert.Contains("забагато повідомлень", Assert.Single(notice.Messages).Text, StringComparison.Ordinal);
        Assert.Empty(silence.Messages);
        Assert.Contains("/forget", back.Messages[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DailyLimit_RefusesOneMoreProposal_UntilTheNextLocalDay()
    {
        await using var host = await CoreTestHost.StartAsync(new Dictionary<string, string?> { ["Hromada:Conversation:MaxProposalsPerDay"] = "2" });
        var resident = new ResidentDriver(host);
        for (var i = 0; i < 2; i++)
        {
            await resident.FillUpToSummaryAsync($"Пропозиція номер {i}: відремонтувати дорогу в Камʼянці");
            await resident.PressAsync("Надіслати");
        }

        await resident.TextAsync("/new");
        Assert.Contains("Сьогодні ви вже подали 2 пропозиції —", resident.LastText, StringComparison.Ordinal);
        host.Time.Advance(TimeSpan.FromDays(1));
        await resident.TextAsync("/new");

        Assert.Contains("Хто подає", resident.LastText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forget_AfterConfirmation_AnonymisesProposals_AndDeletesTheResident()
    {
        await using var host = await CoreTestHost.StartAsync();
        var resident = new ResidentDriver(host);
        await resident.FillUpToSummaryAsync();
        await resident.PressAsync("Надіслати");

        await resident.TextAsync("/forget");
        await resident.PressAsync("Ні");
        Assert.Equal(1, await DbAsync(host, db => db.Residents.CountAsync()));
        await resident.TextAsync("/forget");
        await resident.PressAsync("Так, видалити");

        Assert.Contains("Знеособлено 1 пропозицію.", resident.LastText, StringComparison.Ordinal);
        Assert.Equal(0, await DbAsync(host, db => db.Residents.CountAsync()));
        var p = await DbAsync(host, db => db.Proposals.SingleAsync());
        Assert.Equal((null, null, null, null), (p.AuthorName, p.AuthorPhone, p.AuthorEmail, p.ResidentId));
        Assert.True(p.IsUnidentified);
        Assert.Single(await DbAsync(host, db => db.Proposals.Where(x => x.IsUnidentified).ToListAsync()));
        Assert.NotNull(p.AnonymisedAt);
        Assert.Equal("Відремонтувати дорогу від школи до амбулаторії в селі Камʼянка", p.Text);
        Assert.True(await DbAsync(host, db => db.AuditEntries.AnyAsync(a => a.EntityKey == p.Reference && a.Action.StartsWith("Personal data erased"))));
    }

    [Fact]
    public async Task MyProposals_ShowStatus_AndOnceDecided_TheOutcomeAndJustification()
    {
        await using var host = await CoreTestHost.StartAsync();
        var resident = new ResidentDriver(host);
        for (var i = 0; i < 2; i++)
        {
            await resident.FillUpToSummaryAsync($"Пропозиція номер {i}: відремонтувати дорогу в Камʼянці");
            await resident.PressAsync("Надіслати");
        }
        await DbAsync(host, async db =>
        {
            var p = await db.Proposals.FirstAsync(x => x.Reference == "P-2026-00001");
            p.Status = ProposalStatus.Decided;
            p.Outcome = DecisionOutcome.Rejected;
            p.Justification = "Дорогу вже включено до плану ремонтів обласної служби.";
            return await db.SaveChangesAsync();
        });

        await resident.TextAsync("/my");

        var text = resident.LastText;
        Assert.Contains("У вас 2 пропозиції", text, StringComparison.Ordinal);
        Assert.Contains("P-2026-00002 від 02.11.2026 — отримано", text, StringComparison.Ordinal);
        Assert.Contains("Рішення: не враховувати. Обґрунтування: Дорогу вже включено", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitingNotice_ComesFirstInTheNextReply_AndOnlyOnce()
    {
        await using var host = await CoreTestHost.StartAsync();
        var resident = new ResidentDriver(host);
        await resident.TextAsync("/start");
        var residentId = await DbAsync(host, db => db.Residents.Select(r => r.Id).SingleAsync());
        await DbAsync(host, async db =>
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                ResidentId = residentId, Channel = Channel.Telegram, Recipient = "held-notice", Purpose = OutboxPurpose.Notice,
                Payload = OutboxPayload.Write([new OutboundMessage("Рішення щодо P-2026-00007: врахувати.")]),
                Status = OutboxStatus.Held, LastError = "outside the window", CreatedAt = host.Time.GetUtcNow(), NextAttemptAt = host.Time.GetUtcNow(),
            });
            return await db.SaveChangesAsync();
        });

        await resident.TextAsync("/help");
        var first = resident.Last;
        await resident.TextAsync("/help");

        Assert.Equal("Рішення щодо P-2026-00007: врахувати.", first[0].Text);
        Assert.DoesNotContain(resident.Last, m => m.Text.Contains("P-2026-00007", StringComparison.Ordinal));
        var notice = await DbAsync(host, db => db.OutboxMessages.SingleAsync(o => o.Purpose == OutboxPurpose.Notice));
        Assert.Equal(OutboxStatus.Sent, notice.Status);
        Assert.NotNull(notice.CompletedAt);
    }

    [Fact]
    public async Task SubscribeAfterSubmitting_AndStop_Unsubscribes()
    {
        await using var host = await CoreTestHost.StartAsync();
        var resident = new ResidentDriver(host);
        await resident.FillUpToSummaryAsync();
        await resident.PressAsync("Надіслати");

        await resident.PressAsync("Так, підписатися");
        Assert.True((await DbAsync(host, db => db.Residents.SingleAsync())).IsSubscribed);
        await resident.TextAsync("/stop");

        Assert.False((await DbAsync(host, db => db.Residents.SingleAsync())).IsSubscribed);
        Assert.Contains("відписалися", resident.LastText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnglishSpeakingResident_IsAnsweredInEnglish()
    {
        await using var host = await CoreTestHost.StartAsync();
        var resident = new ResidentDriver(host, language: "en-GB");

        await resident.TextAsync("/start");

        Assert.Contains("Do you agree?", resident.LastText, StringComparison.Ordinal);
        Assert.Equal("I agree", resident.LastChoices[0].Label);
    }

    [Fact]
    public async Task Resume_RepeatsTheCurrentQuestionWithoutChangingIt()
    {
        await using var host = await CoreTestHost.StartAsync();
        var resident = new ResidentDriver(host);
        await resident.TextAsync("/start");
        await resident.PressAsync("Погоджуюся");

        await resident.ResumeAsync();

        Assert.Contains("Хто подає", resident.LastText, StringComparison.Ordinal);
        Assert.Equal("category", (await DbAsync(host, db => db.Residents.SingleAsync())).ConversationStep);
    }
}
