using Hromada.Core.Conversation;
using Hromada.Core.Storage;
using Hromada.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Core.Letters;

/// <summary>
/// The e-mail addresses of the authors of one category (every business that ever submitted, say): the address each gave
/// with a proposal, in any consultation, checked as everywhere an address is entered and each once (repeats told apart by
/// <see cref="TextFolding.EmailKey"/>). Authors whose data was erased (<c>/forget</c>, or anonymised by the secretary)
/// have no address left and are not written to. Read on the server only: the working group sees how many, never the list.
/// </summary>
public static class AuthorAddresses
{
    /// <summary>The addresses, each once, in the order of their folded form (so a resumed run walks them the same way).</summary>
    public static async Task<IReadOnlyList<string>> ListAsync(HromadaDbContext db, int authorCategoryId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var given = await db.Proposals.AsNoTracking()
            .Where(p => p.AuthorCategoryId == authorCategoryId && p.AnonymisedAt == null && p.AuthorEmail != null)
            .Select(p => p.AuthorEmail!)
            .ToListAsync(ct);
        var byKey = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in given)
        {
            if (ContactParser.NormaliseEmail(raw) is { } address)
            {
                byKey.TryAdd(TextFolding.EmailKey(address)!, address);
            }
        }
        return byKey.Values.ToList();
    }
}
