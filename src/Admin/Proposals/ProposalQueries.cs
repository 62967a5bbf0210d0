using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Admin.Proposals;

internal static class ProposalQueries
{
    /// <summary>Proposals with everything the list, the details and the exports show.</summary>
    public static IQueryable<Proposal> WithEverything(this HromadaDbContext db) => db.Proposals
        .Include(p => p.Sphere)
        .Include(p => p.Topic)
        .Include(p => p.Settlement).ThenInclude(s => s!.District)
        .Include(p => p.AuthorCategory)
        .Include(p => p.SocialGroups)
        .Include(p => p.BusinessKind)
        .Include(p => p.Routes).ThenInclude(r => r.ReviewBody)
        .AsSplitQuery();

    public static IQueryable<Proposal> Sort(this IQueryable<Proposal> query, string? sort) => (sort ?? "-receivedAt") switch
    {
        "receivedAt" => query.OrderBy(p => p.ReceivedAt).ThenBy(p => p.Id),
        "reference" => query.OrderBy(p => p.Reference),
        "-reference" => query.OrderByDescending(p => p.Reference),
        "status" => query.OrderBy(p => p.Status).ThenBy(p => p.Id),
        "sphere" => query.OrderBy(p => p.Sphere!.SortOrder).ThenBy(p => p.Id),
        "settlement" => query.OrderBy(p => p.Settlement!.SortOrder).ThenBy(p => p.Id),
        _ => query.OrderByDescending(p => p.ReceivedAt).ThenByDescending(p => p.Id),
    };

    public static readonly string[] SortKeys = ["receivedAt", "-receivedAt", "reference", "-reference", "status", "sphere", "settlement"];
}
