using Hromada.Bot.Tests.Infrastructure;
using Hromada.Core.Conversation;
using Hromada.Core.Outbox;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bot.Tests.Pipeline;

/// <summary>The outbox's hand-off to the dispatcher: what this instance writes is sent without waiting for a poll or a lease.</summary>
public sealed class OutboxHandOffTests
{
    private const string Chat = "-1005555";

    [DatabaseTheory, OnEachDatabase]
    public async Task ASecondNoticeToOneChat_WrittenWhileTheFirstIsBeingSent_GoesRightAfterIt_NotAfterItsLease(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var telegram = new GatedSender();
        await using var app = new HromadaAppFactory().WithDatabase(database)
            .WithSettings(new Dictionary<string, string?> { ["Hromada:Pipeline:PollInterval"] = "00:05:00" })
            .WithServices(s => s.AddSingleton<IChannelSender>(telegram));
        _ = app.Services;

        await WriteNoticeAsync(app, "Перше повідомлення");
        await telegram.FirstStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await WriteNoticeAsync(app, "Друге повідомлення");
        telegram.Release.SetResult();

        // Only the per-chat pacing may hold the second one (a second on the fake clock); not the poll (5 min), not the
        // lease (60 s).
        var sent = await Eventually.GetAsync(() =>
        {
            if (app.Time.GetUtcNow() < new DateTimeOffset(2026, 11, 2, 9, 0, 2, TimeSpan.Zero))
            {
                app.Time.Advance(TimeSpan.FromMilliseconds(100));
            }
            return telegram.Sent.ToList();
        }, s => s.Count == 2, "both notices sent", 30_000);
        Assert.Equal(["Перше повідомлення", "Друге повідомлення"], sent);
        Assert.True(app.Time.GetUtcNow() <= new DateTimeOffset(2026, 11, 2, 9, 0, 2, TimeSpan.Zero));
    }

    private static async Task WriteNoticeAsync(HromadaAppFactory app, string text)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
        outbox.Enqueue(new OutboxRequest(Channel.Telegram, Chat, OutboxPurpose.Notice, [new OutboundMessage(text)]));
        await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().SaveChangesAsync();
        outbox.Signal();
    }

    /// <summary>Telegram as the dispatcher sees it, whose first send hangs until the test lets it go.</summary>
    private sealed class GatedSender : IChannelSender
    {
        public Channel Channel => Channel.Telegram;

        public PushLimits PushLimits { get; } = new(30, TimeSpan.FromSeconds(1));

        public TaskCompletionSource FirstStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public System.Collections.Concurrent.ConcurrentQueue<string> Sent { get; } = new();

        public async Task<SendResult> SendAsync(OutboxDelivery delivery, CancellationToken ct)
        {
            if (FirstStarted.TrySetResult())
            {
                await Release.Task.WaitAsync(ct);
            }
            Sent.Enqueue(delivery.Messages[0].Text);
            return SendResult.Sent(delivery.Messages.Count);
        }
    }
}
