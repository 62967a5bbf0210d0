using System.ComponentModel.DataAnnotations;

namespace Hromada.Core.Conversation;

/// <summary>Bounds of the questionnaire (section <c>Hromada:Conversation</c>).</summary>
public sealed class ConversationOptions : IValidatableObject
{
    public const string Section = "Hromada:Conversation";

    /// <summary>Shortest proposal accepted, in characters after trimming.</summary>
    [Range(1, 10000)]
    public int ProposalMinLength { get; set; } = 20;

    /// <summary>Longest proposal accepted, in characters after trimming.</summary>
    [Range(1, 20000)]
    public int ProposalMaxLength { get; set; } = 4000;

    /// <summary>Messages a resident may send in a minute; past it they get one notice and are ignored until the minute passes.</summary>
    [Range(1, 1000)]
    public int MaxMessagesPerMinute { get; set; } = 30;

    /// <summary>Proposals one resident may submit in a local day.</summary>
    [Range(1, 1000)]
    public int MaxProposalsPerDay { get; set; } = 10;

    /// <summary>
    /// Up to this many settlements in the catalog, the place questions offer every settlement on one keyboard (one tap);
    /// with more, a starosta district is chosen first and then its settlement (two taps). 0 = always districts first.
    /// </summary>
    [Range(0, 100)]
    public int SettlementsOnOneKeyboard { get; set; } = 20;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ProposalMinLength > ProposalMaxLength)
        {
            yield return new ValidationResult(
                $"{Section}:ProposalMinLength ({ProposalMinLength}) is greater than {Section}:ProposalMaxLength ({ProposalMaxLength}).",
                [nameof(ProposalMinLength)]);
        }
    }
}
