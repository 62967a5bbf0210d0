using Hromada.Core.Proposals;

namespace Hromada.Core.Consultations;

/// <summary>
/// A ready justification the working group starts a decision from («Пропозицію враховано в розділі …»), kept per
/// consultation and editable; the decision stores its own copy of the text, so editing a template changes no decision.
/// </summary>
public sealed class AnswerTemplate
{
    public int Id { get; set; }
    public int ConsultationId { get; set; }

    /// <summary>What the secretary picks it by.</summary>
    public string Title { get; set; } = "";

    /// <summary>The outcome it suits, if one; the page preselects it with the text.</summary>
    public DecisionOutcome? Outcome { get; set; }

    public string Text { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    /// <summary>Optimistic concurrency token, bumped on every change.</summary>
    public int Version { get; set; }
}
