using Hromada.Core.Catalogs;
using Hromada.Core.Consultations;
using Hromada.Core.Residents;
using Hromada.Core.Text;

namespace Hromada.Core.Proposals;

/// <summary>Пропозиція: one resident's proposal with its classification, flags, routes and decision.</summary>
public sealed class Proposal
{
    public int Id { get; set; }

    /// <summary>Human-readable unique reference, e.g. <c>P-2026-00042</c>.</summary>
    public string Reference { get; set; } = "";

    public int ConsultationId { get; set; }
    public Consultation? Consultation { get; set; }

    public Channel Channel { get; set; }

    /// <summary>The chat resident who submitted it; null for manual intake or after erasure.</summary>
    public int? ResidentId { get; set; }
    public Resident? Resident { get; set; }

    /// <summary>Language the author used (for the decision notice).</summary>
    public string Language { get; set; } = Ukrainian.Name;

    /// <summary>
    /// The secret half of the proposal's receipt link (<c>/p/{Reference}-{ReceiptCode}</c>, see
    /// <see cref="Receipts.ReceiptLinks"/>): random, so the link cannot be guessed from the reference.
    /// </summary>
    public string ReceiptCode { get; set; } = "";

    /// <summary>
    /// Why the working group hid the text from the public pages (it names private persons, say); null = shown. The
    /// author's receipt page and the working group still see it.
    /// </summary>
    public string? PublicTextHiddenReason { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public int AuthorCategoryId { get; set; }
    public AuthorCategory? AuthorCategory { get; set; }
    public List<SocialGroup> SocialGroups { get; set; } = [];
    public int? BusinessKindId { get; set; }
    public BusinessKind? BusinessKind { get; set; }

    public int? SettlementId { get; set; }
    public Settlement? Settlement { get; set; }

    /// <summary>
    /// Where the author lives (the protocol counts authors by residence), which may differ from the settlement the
    /// proposal concerns (<see cref="SettlementId"/>; null there means the whole hromada or an unlisted place).
    /// </summary>
    public int? ResidenceSettlementId { get; set; }
    public Settlement? ResidenceSettlement { get; set; }

    /// <summary>A settlement name the resident typed that is not in the catalog ("інший населений пункт").</summary>
    public string? UnlistedSettlement { get; set; }

    public int SphereId { get; set; }
    public Sphere? Sphere { get; set; }
    public int? TopicId { get; set; }
    public Topic? Topic { get; set; }

    /// <summary>The resident's own answers, kept when the working group corrects the classification.</summary>
    public int? OriginalSphereId { get; set; }
    public int? OriginalTopicId { get; set; }
    public int? OriginalSettlementId { get; set; }

    public string Text { get; set; } = "";

    // Personal fields: left out of exports unless an Admin asks, anonymised on the author's request.
    public string? AuthorName { get; set; }
    public string? AuthorPhone { get; set; }
    public string? AuthorEmail { get; set; }
    public DateTimeOffset? ConsentAt { get; set; }
    public string? ConsentVersion { get; set; }
    public DateTimeOffset? AnonymisedAt { get; set; }

    /// <summary>
    /// Erases the author's personal data (name, phone, e-mail, the link to their chat) and keeps the proposal, now
    /// unidentified; the one way both the resident's own erasure and the working group's do it.
    /// </summary>
    public void Anonymise(DateTimeOffset now)
    {
        AuthorName = null;
        AuthorPhone = null;
        AuthorEmail = null;
        ResidentId = null;
        IsUnidentified = true;
        AnonymisedAt = now;
    }

    public bool IsLate { get; set; }
    public bool IsUnidentified { get; set; }
    public string? DuplicateOfReference { get; set; }
    public bool IsOffTopic { get; set; }

    public ProposalStatus Status { get; set; }

    public DecisionOutcome? Outcome { get; set; }
    public string? Justification { get; set; }
    public string? ProtocolNumber { get; set; }
    public DateOnly? ProtocolDate { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }

    /// <summary>
    /// Lower-cased text, reference and unlisted settlement for search: SQLite's LIKE folds only ASCII case, and
    /// proposals are Ukrainian.
    /// </summary>
    public string SearchText { get; set; } = "";

    public static string ToSearchText(string text, string reference, string? unlistedSettlement) =>
        TextFolding.Fold(string.Join(' ', reference, text, unlistedSettlement));

    /// <summary>Source row identity for imports (e.g. a hash of a Google Forms row), so re-imports add nothing twice.</summary>
    public string? ExternalKey { get; set; }

    /// <summary>Optimistic concurrency token, bumped on every change.</summary>
    public int Version { get; set; }

    public List<ProposalRoute> Routes { get; set; } = [];

    /// <summary>True when the author left neither a name nor a way to reach them.</summary>
    public static bool ComputeUnidentified(string? name, string? phone, string? email) =>
        string.IsNullOrWhiteSpace(name) || (string.IsNullOrWhiteSpace(phone) && string.IsNullOrWhiteSpace(email));
}
