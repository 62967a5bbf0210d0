namespace Hromada.Core.Conversation.Steps;

/// <summary>
/// One place in the conversation where the bot waits for the resident: it asks, and it takes (or refuses) what comes
/// back. Its <see cref="Name"/> is stored as the resident's step and prefixes the values of its buttons
/// (<c>name:value</c>), so a button pressed under an earlier question is recognised as stale before any step sees it.
/// </summary>
internal interface IStep
{
    /// <summary>Short ASCII name: stored in <c>Resident.ConversationStep</c> and used as its buttons' prefix.</summary>
    string Name { get; }

    /// <summary>
    /// True when typed text is an answer here (a settlement name, the proposal, a contact); elsewhere typed text
    /// counts only when it names one of the buttons.
    /// </summary>
    bool TakesText => false;

    /// <summary>
    /// Resource key of a clause saying what this step expects ("оберіть один із варіантів нижче"), told to a
    /// resident who sent something else.
    /// </summary>
    string ExpectedKey => TakesText ? "Expect_Text" : "Expect_Choice";

    /// <summary>Says the question with its buttons. Changes nothing, so it can be asked again at any time.</summary>
    Task AskAsync(ConversationContext ctx, CancellationToken ct);

    /// <summary>Takes the resident's input, changing the draft only when the input is accepted.</summary>
    Task<StepResult> AnswerAsync(ConversationContext ctx, StepInput input, CancellationToken ct);
}

/// <summary>What the resident sent, as a step sees it.</summary>
internal abstract record StepInput
{
    /// <summary>A button of this step, its value without the step's prefix.</summary>
    public sealed record Pressed(string Value) : StepInput;

    /// <summary>Text typed (after whitespace is trimmed; never empty).</summary>
    public sealed record Typed(string Text) : StepInput;

    /// <summary>A contact card shared with the channel's own button.</summary>
    public sealed record Contact(SharedContact Card) : StepInput;

    /// <summary>A photo, sticker, voice message or file.</summary>
    public sealed record Attachment : StepInput;
}

/// <summary>What became of an input.</summary>
internal enum StepOutcome
{
    /// <summary>The question is answered: the questionnaire moves on to the next one not answered (or the summary).</summary>
    Done,

    /// <summary>Taken, but the question is not finished (a group ticked, a district chosen): ask it again.</summary>
    Again,

    /// <summary>The step has said everything and set the next step itself.</summary>
    Handled,

    /// <summary>Not taken, nothing changed: the resident is told why (or what is expected) and asked again.</summary>
    Refused,

    /// <summary>An optional question left unanswered; the same input goes on to the next question.</summary>
    PassOn,
}

/// <summary>The outcome of an input, with the sentence to say when it was refused for a reason of its own.</summary>
internal sealed record StepResult(StepOutcome Outcome, string? Reason = null)
{
    public static StepResult Done { get; } = new(StepOutcome.Done);
    public static StepResult Again { get; } = new(StepOutcome.Again);
    public static StepResult Handled { get; } = new(StepOutcome.Handled);
    public static StepResult PassOn { get; } = new(StepOutcome.PassOn);

    /// <summary>Not taken; the resident hears the general sentence for this kind of input and the question again.</summary>
    public static StepResult NotTaken { get; } = new(StepOutcome.Refused);

    /// <summary>Not taken, with the step's own <paramref name="reason"/> (already in the resident's language).</summary>
    public static StepResult Refused(string reason) => new(StepOutcome.Refused, reason);
}
