namespace Hromada.Core.Audit;

/// <summary>
/// One kind of change, typed. Stored as an <see cref="AuditEntry"/> whose <see cref="AuditEntry.Kind"/> is
/// <see cref="Kind"/> (a stable name: never renamed once shipped) and whose <see cref="AuditEntry.Version"/> is
/// <see cref="Version"/> (raised when the shape of the before/after bodies changes, the reader of the old version kept
/// in <see cref="AuditEvents"/>). The bodies are JSON of typed records, enums by name, so renaming a C# property or
/// reordering an enum cannot silently change what the history says.
/// </summary>
public abstract record AuditEvent
{
    /// <summary>What the event is about ("Proposal"), with the key given to <see cref="AuditLog.Record(string, string, AuditEvent)"/>.</summary>
    public abstract string EntityType { get; }

    /// <summary>The stable stored name of this kind of change ("proposal.decided").</summary>
    public abstract string Kind { get; }

    /// <summary>The version of the before/after bodies' shape.</summary>
    public virtual int Version => 1;

    /// <summary>The action as the API and the logs show it (English, unchanged from the untyped entries).</summary>
    public abstract string Action { get; }

    /// <summary>The state before the change (null when there was none), stored as the entry's Before.</summary>
    public abstract object? BeforeBody { get; }

    /// <summary>The state after the change, stored as the entry's After.</summary>
    public abstract object? AfterBody { get; }
}

/// <summary>
/// A change from <typeparamref name="TBefore"/> (null where there was nothing before: a thing created) to
/// <typeparamref name="TAfter"/>.
/// </summary>
public abstract record AuditChange<TBefore, TAfter>(TBefore? Before, TAfter After) : AuditEvent
    where TBefore : class
    where TAfter : class
{
    public override object? BeforeBody => Before;

    public override object? AfterBody => After;
}

/// <summary>A change of one proposal, from <typeparamref name="TBefore"/> to <typeparamref name="TAfter"/>.</summary>
public abstract record ProposalEvent<TBefore, TAfter>(TBefore? Before, TAfter After) : AuditChange<TBefore, TAfter>(Before, After)
    where TBefore : class
    where TAfter : class
{
    public const string Entity = "Proposal";

    public override string EntityType => Entity;
}
