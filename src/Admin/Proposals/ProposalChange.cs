using Hromada.Admin.Commands;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Hromada.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Admin.Proposals;

/// <summary>Shared steps of every change to a proposal: load it, check the version the caller read, save or report a conflict.</summary>
internal static class ProposalChange
{
    public static Task<Proposal?> LoadAsync(HromadaDbContext db, string reference, CancellationToken ct) =>
        db.Proposals.Include(p => p.Routes).ThenInclude(r => r.ReviewBody).SingleOrDefaultAsync(p => p.Reference == reference, ct);

    public static CommandFailure NotFound(string reference) => CommandFailure.NotFound("No such proposal", "Такої пропозиції немає",
        $"There is no proposal {reference}.", $"Пропозиції {reference} немає.");

    /// <summary>A conflict when <paramref name="version"/> was given and someone changed the proposal since it was read.</summary>
    public static CommandFailure? CheckVersion(Proposal p, int? version) =>
        version is { } v && v != p.Version ? Stale(p.Reference, p.Version) : null;

    public static CommandFailure Stale(string reference, int? current) => CommandFailure.Conflict(
        "Someone else changed this proposal", "Хтось інший змінив цю пропозицію",
        $"{reference} was changed after you read it. Re-read it and apply your change again."
            + (current is null ? "" : $" Current version: {current}."),
        $"{reference} змінили після того, як ви її прочитали. Прочитайте її знову й повторіть свою зміну."
            + (current is null ? "" : $" Поточна версія: {current}."));

    /// <summary>Marks the proposal changed, so its version moves (and is checked) when only its routes change.</summary>
    public static void Touch(HromadaDbContext db, Proposal p) => db.Entry(p).Property(x => x.Version).IsModified = true;

    public const int MaxBulk = 500;

    public static void CheckBulk(IReadOnlyCollection<string>? references, FieldErrors errors)
    {
        if (references is not { Count: > 0 and <= MaxBulk })
        {
            errors.Add("references", $"Give 1 to {MaxBulk} references.", $"Оберіть від 1 до {MaxBulk} пропозицій.");
        }
    }

    /// <summary>
    /// Applies <paramref name="change"/> to each proposal on its own (one save each), so one conflict does not undo the
    /// rest; <paramref name="afterSave"/> runs for each proposal that was saved.
    /// </summary>
    public static async Task<BulkResult> ForEachAsync(
        HromadaDbContext db, IEnumerable<string> references, Func<Proposal, Task> change, Func<Proposal, Task>? afterSave, CancellationToken ct)
    {
        var done = new List<string>();
        var notFound = new List<string>();
        var conflicts = new List<string>();
        foreach (var reference in references.Distinct(StringComparer.Ordinal))
        {
            db.ChangeTracker.Clear();
            var p = await LoadAsync(db, reference, ct);
            if (p is null)
            {
                notFound.Add(reference);
                continue;
            }
            await change(p);
            if (!await TrySaveAsync(db, ct))
            {
                conflicts.Add(reference);
                continue;
            }
            if (afterSave is not null)
            {
                await afterSave(p);
            }
            done.Add(reference);
        }
        return new BulkResult(done, notFound, conflicts);
    }

    /// <summary>Saves; false when a concurrent writer got there first.</summary>
    public static async Task<bool> TrySaveAsync(HromadaDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
}
