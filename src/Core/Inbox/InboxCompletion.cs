using Hromada.Core.Storage;

namespace Hromada.Core.Inbox;

/// <summary>Marks an inbox item handled as part of the caller's unit of work, without reading it first.</summary>
internal static class InboxCompletion
{
    /// <summary>
    /// Adds "item <paramref name="itemId"/> is done" to <paramref name="db"/>'s pending changes (saved with them).
    /// With <paramref name="erase"/> its payload and sender go too (the resident asked to be forgotten).
    /// </summary>
    public static void MarkDone(HromadaDbContext db, long itemId, DateTimeOffset now, bool erase = false)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entry = db.Attach(new InboxItem { Id = itemId, Status = InboxStatus.Pending, Payload = "\0", SenderKey = "\0", ExternalId = "\0" });
        entry.Entity.Status = InboxStatus.Done;
        entry.Entity.ProcessedAt = now;
        if (erase)
        {
            entry.Entity.Payload = "";
            entry.Entity.SenderKey = "";
            // A Messenger postback's id names its sender.
            entry.Entity.ExternalId = $"erased:{itemId}";
        }
    }
}
