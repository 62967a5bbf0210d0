using Hromada.Core.Storage;

namespace Hromada.Core.Audit;

/// <summary>Adds audit entries to the current unit of work, so they commit with the change they describe.</summary>
public sealed class AuditLog(HromadaDbContext db, TimeProvider time)
{
    /// <summary>Records a typed change of <paramref name="entityKey"/> (its type says what kind of entity it is).</summary>
    public AuditEntry Record(string actor, string entityKey, AuditEvent change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var entry = new AuditEntry
        {
            At = time.GetUtcNow(),
            Actor = actor,
            EntityType = change.EntityType,
            EntityKey = entityKey,
            Action = change.Action,
            Kind = change.Kind,
            Version = change.Version,
            Before = AuditEvents.Write(change.BeforeBody),
            After = AuditEvents.Write(change.AfterBody),
        };
        db.AuditEntries.Add(entry);
        return entry;
    }
}
