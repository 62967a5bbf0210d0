using Microsoft.EntityFrameworkCore;

namespace Hromada.Core.Storage;

/// <summary>
/// Lets a service that needs a transaction of its own (the reference-number counter) take part in a caller's larger
/// one: while <see cref="Defer"/> is on, such a service opens the transaction if none is open and leaves the commit to
/// the caller's <see cref="CommitAsync"/>. The conversation engine uses it so a submitted proposal, the resident's
/// state and the reply with the reference number commit together.
/// </summary>
public sealed class UnitOfWork(HromadaDbContext db)
{
    /// <summary>True while the caller owns the commit.</summary>
    public bool Defer { get; set; }

    /// <summary>Commits the transaction a deferred service opened, if any.</summary>
    public async Task CommitAsync(CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is { } tx)
        {
            await tx.CommitAsync(ct);
        }
    }
}
