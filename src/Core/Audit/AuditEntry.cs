namespace Hromada.Core.Audit;

/// <summary>One change: who, when, what before, what after. Never deleted.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>Admin key name, "resident:{channel}", or "system".</summary>
    public string Actor { get; set; } = "";

    public string EntityType { get; set; } = "";
    public string EntityKey { get; set; } = "";
    public string Action { get; set; } = "";

    /// <summary>The stored name of a typed <see cref="AuditEvent"/>; null for an entry written before the events were typed.</summary>
    public string? Kind { get; set; }

    /// <summary>The version of the typed event's body shape (0 with no <see cref="Kind"/>).</summary>
    public int Version { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}
