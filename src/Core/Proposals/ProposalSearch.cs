using Hromada.Core.Text;

namespace Hromada.Core.Proposals;

/// <summary>
/// The one search of proposals by words, for the admin list and the public results alike. The stored search text is
/// folded with the apostrophe kept as ʼ (the similar-proposals index reads it so); both sides leave it out here, so
/// «Камянка», «Кам'янка», «КАМ’ЯНКА» and «камʼянка» all find «Камʼянка».
/// </summary>
public static class ProposalSearch
{
    /// <summary>Proposals whose reference, text or unlisted settlement contain <paramref name="query"/>, folded.</summary>
    public static IQueryable<Proposal> Matching(this IQueryable<Proposal> proposals, string query)
    {
        var wanted = TextFolding.Key(query);
        var apostrophe = TextFolding.Apostrophe.ToString();
        return proposals.Where(p => p.SearchText.Replace(apostrophe, "").Contains(wanted));
    }

    /// <summary>
    /// As <see cref="Matching"/> for the public pages: a text hidden from them is not searched (a search must not reveal
    /// what the page hides); its reference still is.
    /// </summary>
    public static IQueryable<Proposal> MatchingPublicly(this IQueryable<Proposal> proposals, string query)
    {
        var wanted = TextFolding.Key(query);
        var apostrophe = TextFolding.Apostrophe.ToString();
        var reference = query.Trim().ToUpperInvariant();
        return proposals.Where(p => p.PublicTextHiddenReason == null
            ? p.SearchText.Replace(apostrophe, "").Contains(wanted)
            : p.Reference == reference);
    }
}
