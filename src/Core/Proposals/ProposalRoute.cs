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

    /// <summary>When the body was told it got this proposal (null: not yet, or the body has no contacts).</summary>
    public DateTimeOffset? NotifiedAt { get; set; }

    /// <summary>When the body was reminded of its due date.</summary>
    public DateTimeOffset? RemindedAt { get; set; }

    /// <summary>When the secretary was told the due date passed without a position.</summary>
    public DateTimeOffset? OverdueNotifiedAt { get; set; }
}
