using Hromada.Core.Catalogs;

namespace Hromada.Core.Proposals;

/// <summary>A proposal routed to a review body with a due date, and the body's position once recorded.</summary>
public sealed class ProposalRoute
{
    public int Id { get; set; }
    public int ProposalId { get; set; }
    public Proposal? Proposal { get; set; }
    public int ReviewBodyId { get; set; }
    public ReviewBody? ReviewBody { get; set; }
    public DateOnly DueDate { get; set; }
    public DateTimeOffset RoutedAt { get; set; }
    public string RoutedBy { get; set; } = "";

    public ReviewStance? Stance { get; set; }
    public string? PositionJustification { get; set; }
    public DateTimeOffset? PositionAt { get; set; }
    public string? PositionBy { get; set; }
}
