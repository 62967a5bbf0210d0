using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Admin.Proposals;

/// <summary>Shared steps of every change to a proposal: load it, check the version the caller read, save or report a conflict.</summary>
internal static class ProposalChange
{
    public static Task<Proposal?> LoadAsync(HromadaDbContext db, string reference, CancellationToken ct) =>
        db.Proposals.Include(p => p.Routes).ThenInclude(r => r.ReviewBody).SingleOrDefaultAsync(p => p.Reference == reference, ct);

    /// <summary>A 409 when <paramref name="version"/> was given and someone changed the proposal since it was read.</summary>
    public static Conflict<ProblemDetails>? CheckVersion(Proposal p, int? version) =>
        version is { } v && v != p.Version ? Stale(p.Reference, p.Version) : null;

    public static Conflict<ProblemDetails> Stale(string reference, int? current) => TypedResults.Conflict(new ProblemDetails
    {
        Status = StatusCodes.Status409Conflict,
        Title = "Someone else changed this proposal",
        Detail = $"{reference} was changed after you read it. Re-read it and apply your change again."
            + (current is null ? "" : $" Current version: {current}."),
    });

    /// <summary>Marks the proposal changed, so its version moves (and is checked) when only its routes change.</summary>
    public static void Touch(HromadaDbContext db, Proposal p) => db.Entry(p).Property(x => x.Version).IsModified = true;

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
