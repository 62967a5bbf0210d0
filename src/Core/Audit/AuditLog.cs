using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Hromada.Core.Storage;

namespace Hromada.Core.Audit;

/// <summary>Adds audit entries to the current unit of work, so they commit with the change they describe.</summary>
public sealed class AuditLog(HromadaDbContext db, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = false,
    };

    /// <summary>A value as an entry records it before or after a change (also for entries written without EF Core).</summary>
    internal static string? Serialize(object? value) => value is null ? null : JsonSerializer.Serialize(value, Json);

    public AuditEntry Record(string actor, string entityType, string entityKey, string action, object? before, object? after)
    {
        var entry = new AuditEntry
        {
            At = time.GetUtcNow(),
            Actor = actor,
            EntityType = entityType,
            EntityKey = entityKey,
            Action = action,
            Before = Serialize(before),
            After = Serialize(after),
        };
        db.AuditEntries.Add(entry);
        return entry;
    }
}
