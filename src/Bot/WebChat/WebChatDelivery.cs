using Hromada.Core.Outbox;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Bot.WebChat;

/// <summary>
/// The web chat's side of the outbox: the browser fetches what the bot owes its session (replies, notices,
/// announcements), always "everything after the last id I have". Handing a message over marks it sent; asking again
/// with the same cursor returns it again, so a lost response loses nothing and the widget drops what it already shows.
/// </summary>
internal sealed class WebChatDelivery(HromadaDbContext db, TimeProvider time)
{
    public async Task<(List<WebChatEndpoints.MessageDto> Messages, long LastId)> TakeAsync(string token, long after, CancellationToken ct)
    {
        var rows = await db.OutboxMessages.AsNoTracking()
            .Where(o => o.Channel == Channel.WebChat && o.Recipient == token && o.Id > after
                && (o.Status == OutboxStatus.Pending || o.Status == OutboxStatus.Held || o.Status == OutboxStatus.Sent))
            .OrderBy(o => o.Id)
            .Take(100)
            .Select(o => new { o.Id, o.Status, o.Payload, o.EraseOnCompletion })
            .ToListAsync(ct);
        // The last words to a resident who erased their data are not kept once shown.
        var erase = rows.Where(r => r.EraseOnCompletion).Select(r => r.Id).ToList();
        if (erase.Count > 0)
        {
            await db.OutboxMessages.Where(o => erase.Contains(o.Id)).ExecuteDeleteAsync(ct);
        }
        var fresh = rows.Where(r => r.Status != OutboxStatus.Sent && !r.EraseOnCompletion).Select(r => r.Id).ToList();
        if (fresh.Count > 0)
        {
            var now = time.GetUtcNow();
            await db.OutboxMessages.Where(o => fresh.Contains(o.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatus.Sent).SetProperty(o => o.CompletedAt, now), ct);
        }
        var messages = rows
            .SelectMany(r => OutboxPayload.Read(r.Payload).Select((m, part) => WebChatEndpoints.MessageDto.From(m, r.Id, part)))
            .ToList();
        return (messages, rows.Count > 0 ? Math.Max(after, rows[^1].Id) : after);
    }
}
