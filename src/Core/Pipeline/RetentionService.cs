using Hromada.Core.Inbox;
using Hromada.Core.Outbox;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Pipeline;

/// <summary>
/// Keeps what the chats sent no longer than it is needed (settings under <c>Hromada:Pipeline</c>): raw payloads of
/// handled messages are blanked after <see cref="PipelineOptions.PayloadRetention"/>; handled inbox items, replies,
/// dedup marks and paged lists are deleted after <see cref="PipelineOptions.RecordRetention"/> (notices and
/// announcement copies keep their status for the reports, without text or recipient); idle web chat sessions go after
/// <see cref="PipelineOptions.IdleWebSessionRetention"/>. Runs at start and then every hour.
/// </summary>
internal sealed class RetentionService(IServiceScopeFactory scopes, IOptions<PipelineOptions> options, TimeProvider time, ILogger<RetentionService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Retention pass failed; it runs again in an hour");
            }
            try
            {
                await Task.Delay(TimeSpan.FromHours(1), time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>One pass; returns how many rows it changed or deleted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        var blankBefore = now - o.PayloadRetention;
        var deleteBefore = now - o.RecordRetention;
        var idleBefore = now - o.IdleWebSessionRetention;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();

        var blanked = await db.InboxItems.Where(i => i.Status != InboxStatus.Pending && i.ProcessedAt < blankBefore && i.Payload != "")
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Payload, ""), ct);
        var inbox = await db.InboxItems.Where(i => i.Status != InboxStatus.Pending && i.ProcessedAt < deleteBefore).ExecuteDeleteAsync(ct);

        var finished = db.OutboxMessages.Where(m => m.Status != OutboxStatus.Pending && m.Status != OutboxStatus.Held && m.CompletedAt != null);
        var outboxBlanked = await finished.Where(m => m.CompletedAt < blankBefore && m.Payload != "[]")
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Payload, "[]").SetProperty(m => m.ReplyContext, (string?)null), ct);
        var replies = await finished.Where(m => m.CompletedAt < deleteBefore && m.Purpose == OutboxPurpose.Reply).ExecuteDeleteAsync(ct);
        await finished.Where(m => m.CompletedAt < deleteBefore && m.Purpose != OutboxPurpose.Reply && !m.IsPublicPost && m.Recipient != "")
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Recipient, ""), ct);

        var marks = await db.ProcessedMessages.Where(m => m.ProcessedAt < deleteBefore && !m.MessageId.StartsWith("group-notice:")).ExecuteDeleteAsync(ct);
        var leases = await db.SenderLeases.Where(l => l.ExpiresAt < now.AddHours(-1)).ExecuteDeleteAsync(ct);
        var menus = await db.PagedMenus.Where(m => m.CreatedAt < deleteBefore).ExecuteDeleteAsync(ct);

        // A web chat session lives in one browser tab: once idle this long, nobody can come back to it.
        var idle = await db.Residents
            .Where(r => r.Channel == Channel.WebChat && !r.IsSubscribed && (r.LastInboundAt ?? r.CreatedAt) < idleBefore)
            .OrderBy(r => r.Id).Select(r => r.ChannelUserId).Take(10_000).ToListAsync(ct);
        if (idle.Count > 0)
        {
            await db.InboxItems.Where(i => i.Channel == Channel.WebChat && idle.Contains(i.SenderKey)).ExecuteDeleteAsync(ct);
            await db.OutboxMessages.Where(m => m.Channel == Channel.WebChat && idle.Contains(m.Recipient) && m.ProposalId == null).ExecuteDeleteAsync(ct);
            await db.Residents.Where(r => r.Channel == Channel.WebChat && idle.Contains(r.ChannelUserId)).ExecuteDeleteAsync(ct);
        }

        var total = blanked + inbox + outboxBlanked + replies + marks + leases + menus + idle.Count;
        if (total > 0)
        {
            // What was blanked or deleted must not stay in the write-ahead log or in old pages of the database file.
            await scope.ServiceProvider.GetRequiredService<ErasureCheckpoint>().RunAsync("retention", ct);
            logger.LogInformation(
                "Retention: {Blanked} inbox payload(s) blanked and {Inbox} item(s) deleted; {OutboxBlanked} outbox text(s) blanked and {Replies} reply(ies) deleted; " +
                "{Marks} dedup mark(s), {Leases} lease(s), {Menus} paged list(s) and {Idle} idle web chat session(s) deleted",
                blanked, inbox, outboxBlanked, replies, marks, leases, menus, idle.Count);
        }
        return total;
    }
}
