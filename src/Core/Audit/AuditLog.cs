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

    /// <summary>A value as an untyped entry records it before or after a change (also for entries written without EF Core).</summary>
    internal static string? Serialize(object? value) => value is null ? null : JsonSerializer.Serialize(value, Json);

    /// <summary>Records a typed change of <paramref name="entityKey"/> (its type says what kind of entity it is).</summary>
    public AuditEntry Record(string actor, string entityKey, AuditEvent change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return Add(new AuditEntry
        {
            Actor = actor,
            EntityType = change.EntityType,
            EntityKey = entityKey,
            Action = change.Action,
            Kind = change.Kind,
            Version = change.Version,
            Before = AuditEvents.Write(change.BeforeBody),
            After = AuditEvents.Write(change.AfterBody),
        });
    }

    /// <summary>Records an untyped change (kinds not yet given an <see cref="AuditEvent"/> type).</summary>
    public AuditEntry Record(string actor, string entityType, string entityKey, string action, object? before, object? after) =>
        Add(new AuditEntry
        {
            Actor = actor,
            EntityType = entityType,
            EntityKey = entityKey,
            Action = action,
            Before = Serialize(before),
            After = Serialize(after),
        });

    private AuditEntry Add(AuditEntry entry)
    {
        entry.At = time.GetUtcNow();
        db.AuditEntries.Add(entry);
        return entry;
    }
}
