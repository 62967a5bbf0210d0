namespace Hromada.Core.Proposals;

/// <summary>Everything needed to receive a proposal, from any channel or from manual intake.</summary>
public sealed record NewProposal
{
    public required int ConsultationId { get; init; }
    public required Channel Channel { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public required int AuthorCategoryId { get; init; }
    public required int SphereId { get; init; }
    public required string Text { get; init; }

    /// <summary>Who records it: "resident:{channel}" for chat, the admin key's name for manual intake.</summary>
    public required string Actor { get; init; }

    public int? ResidentId { get; init; }

    /// <summary>
    /// The author's language (a chat's resident's); null when nobody chose one (manual intake, a Google Form import):
    /// the hromada's <see cref="Community.CommunityOptions.DefaultCulture"/> is stored then.
    /// </summary>
    public string? Language { get; init; }
    public IReadOnlyList<int> SocialGroupIds { get; init; } = [];
    public int? BusinessKindId { get; init; }
    public int? SettlementId { get; init; }

    /// <summary>Where the author lives (a settlement of the catalog), when known.</summary>
    public int? ResidenceSettlementId { get; init; }
    public string? UnlistedSettlement { get; init; }
    public int? TopicId { get; init; }
    public string? AuthorName { get; init; }
    public string? AuthorPhone { get; init; }
    public string? AuthorEmail { get; init; }
    public DateTimeOffset? ConsentAt { get; init; }
    public string? ConsentVersion { get; init; }
    public string? ExternalKey { get; init; }
}
