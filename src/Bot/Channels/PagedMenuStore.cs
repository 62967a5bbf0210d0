using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hromada.Core.Conversation;
using Hromada.Core.Outbox;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Bot.Channels;

/// <summary>A list of choices too long for one message: its text, its choices and whether it asks for the contact.</summary>
internal sealed record StoredMenu(string Text, IReadOnlyList<Choice> Choices, bool RequestContact);

/// <summary>
/// Keeps the long lists the channels show page by page (Messenger's quick replies, Viber's keyboards), keyed by the hash
/// of their content, so any instance can show another page when the resident taps "next" without asking the engine again.
/// </summary>
internal sealed class PagedMenuStore(HromadaDbContext db, TimeProvider time, ILogger<PagedMenuStore> logger)
{
    /// <summary>Stores the list (once, whoever stores it first) and returns its key.</summary>
    public async Task<string> StoreAsync(StoredMenu menu, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(menu);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..16];
        if (await db.PagedMenus.AnyAsync(m => m.Key == hash, ct))
        {
            return hash;
        }

        var item = new PagedMenu { Key = hash, Payload = json, CreatedAt = time.GetUtcNow() };
        db.PagedMenus.Add(item);
        try
        {
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Stored a paged list of {Count} choices as {Menu}", menu.Choices.Count, hash);
        }
        catch (DbUpdateException)
        {
            // Another instance stored the same list a moment ago: it is there either way.
            db.Entry(item).State = EntityState.Detached;
        }
        return hash;
    }

    /// <summary>The list stored under <paramref name="key"/>; null when it is unknown or was cleaned up.</summary>
    public async Task<StoredMenu?> LoadAsync(string key, CancellationToken ct)
    {
        var stored = await db.PagedMenus.AsNoTracking().Where(m => m.Key == key).Select(m => m.Payload).FirstOrDefaultAsync(ct);
        return stored is null ? null : JsonSerializer.Deserialize<StoredMenu>(stored);
    }
}
