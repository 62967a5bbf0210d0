using Hromada.Core.Proposals;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Admin.Proposals;

/// <summary>The filters shared by the proposal list and the exports (query string parameters).</summary>
public sealed class ProposalFilter
{
    public int? Consultation { get; set; }
    public string? Sphere { get; set; }
    public string? Topic { get; set; }
    public string? Settlement { get; set; }
    public string? District { get; set; }
    public string? AuthorCategory { get; set; }
    public string? SocialGroup { get; set; }
    public Channel? Channel { get; set; }
    public ProposalStatus? Status { get; set; }
    public DecisionOutcome? Outcome { get; set; }
    public bool? Late { get; set; }
    public bool? Unidentified { get; set; }

    /// <summary>Only proposals with a route past its due date and no position yet (of the filtered review body's route, when one is).</summary>
    public bool? Overdue { get; set; }

    /// <summary>Only undecided proposals with a route still waiting for a position (of the filtered review body's route, when one is).</summary>
    public bool? AwaitingPosition { get; set; }

    /// <summary>Received on or after this date (the hromada's local date).</summary>
    public DateOnly? From { get; set; }

    /// <summary>Received on or before this date (the hromada's local date).</summary>
    public DateOnly? To { get; set; }

    /// <summary>
    /// Text search in the proposal, its reference and the unlisted settlement name: any case, any apostrophe form or
    /// none («камянка» finds «Камʼянка»).
    /// </summary>
    public string? Q { get; set; }

    /// <summary>Only routed to this review body (set for Reviewer keys from their binding); the admin pages' filter.</summary>
    public int? ReviewBodyId { get; set; }

    /// <summary>Only routed to the review body with this code (as GET /api/admin/review-bodies lists them).</summary>
    public string? ReviewBody { get; set; }

    internal IQueryable<Proposal> Apply(IQueryable<Proposal> query, Func<DateOnly, DateTimeOffset> startOfDay, DateOnly today)
    {
        if (Consultation is { } c) query = query.Where(p => p.ConsultationId == c);
        if (!string.IsNullOrWhiteSpace(Sphere)) query = query.Where(p => p.Sphere!.Code == Sphere);
        if (!string.IsNullOrWhiteSpace(Topic)) query = query.Where(p => p.Topic!.Code == Topic);
        if (!string.IsNullOrWhiteSpace(Settlement)) query = query.Where(p => p.Settlement!.Code == Settlement);
        if (!string.IsNullOrWhiteSpace(District)) query = query.Where(p => p.Settlement!.District!.Code == District);
        if (!string.IsNullOrWhiteSpace(AuthorCategory)) query = query.Where(p => p.AuthorCategory!.Code == AuthorCategory);
        if (!string.IsNullOrWhiteSpace(SocialGroup)) query = query.Where(p => p.SocialGroups.Any(g => g.Code == SocialGroup));
        if (Channel is { } ch) query = query.Where(p => p.Channel == ch);
        if (Status is { } s) query = query.Where(p => p.Status == s);
        if (Outcome is { } o) query = query.Where(p => p.Outcome == o);
        if (Late is { } late) query = query.Where(p => p.IsLate == late);
        if (Unidentified is { } u) query = query.Where(p => p.IsUnidentified == u);
        var own = ReviewBodyId;
        if (Overdue == true) query = query.Where(p => p.Routes.Any(r => r.Stance == null && r.DueDate < today && (own == null || r.ReviewBodyId == own)));
        if (AwaitingPosition == true)
        {
            query = query.Where(p => p.Status != ProposalStatus.Decided && p.Routes.Any(r => r.Stance == null && (own == null || r.ReviewBodyId == own)));
        }
        if (From is { } from)
        {
            var start = startOfDay(from);
            query = query.Where(p => p.ReceivedAt >= start);
        }
        if (To is { } to)
        {
            var end = startOfDay(to.AddDays(1));
            query = query.Where(p => p.ReceivedAt < end);
        }
        if (!string.IsNullOrWhiteSpace(Q))
        {
            query = query.Matching(Q);
        }
        if (ReviewBodyId is { } body) query = query.Where(p => p.Routes.Any(r => r.ReviewBodyId == body));
        if (!string.IsNullOrWhiteSpace(ReviewBody)) query = query.Where(p => p.Routes.Any(r => r.ReviewBody!.Code == ReviewBody));
        return query;
    }
}
