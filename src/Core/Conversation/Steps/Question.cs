using System.Globalization;
using Hromada.Core.Proposals;

namespace Hromada.Core.Conversation.Steps;

/// <summary>
/// One question of a questionnaire: besides asking and taking answers (<see cref="IStep"/>), it knows whether it
/// applies and is answered, how it shows in the summary, how it is changed from there, and what it puts on the
/// proposal. The questionnaire asks, in the order of its definition, the first question that applies and is not
/// answered; when none is left it shows the summary.
/// </summary>
internal interface IQuestion : IStep
{
    /// <summary>False when the question does not fit this draft (a business is not asked social groups).</summary>
    Task<bool> AppliesAsync(ConversationContext ctx, CancellationToken ct);

    /// <summary>True when the draft holds an answer, so the questionnaire goes past it.</summary>
    bool IsAnswered(ConversationContext ctx);

    /// <summary>What the summary shows for this answer (nothing for a question with no answer of its own to show).</summary>
    Task<IReadOnlyList<SummaryLine>> SummariseAsync(ConversationContext ctx, CancellationToken ct);

    /// <summary>The summary button's label that changes this answer; null when it cannot be changed there.</summary>
    string? EditLabel(ConversationContext ctx);

    /// <summary>Called when the resident chose to change this answer from the summary, before it is asked again.</summary>
    void BeginEdit(ConversationContext ctx);

    /// <summary>Puts the answer on the proposal about to be submitted.</summary>
    Task<NewProposal> StoreAsync(ConversationContext ctx, NewProposal proposal, CancellationToken ct);
}

/// <summary>One line of the summary: "Label: value", or a block shown after the lines (the proposal's text).</summary>
internal sealed record SummaryLine(string Label, string Value, bool IsBlock = false);

/// <summary>
/// A question with the common parts written once: its answer is kept in the draft under its name, its buttons carry
/// its name as prefix, and everything optional has a sensible default.
/// </summary>
internal abstract class Question : IQuestion
{
    public abstract string Name { get; }

    public virtual bool TakesText => false;

    public virtual string ExpectedKey => TakesText ? "Expect_Text" : "Expect_Choice";

    public virtual Task<bool> AppliesAsync(ConversationContext ctx, CancellationToken ct) => Task.FromResult(true);

    public virtual bool IsAnswered(ConversationContext ctx) => ctx.Draft.Answers.ContainsKey(Name);

    public abstract Task AskAsync(ConversationContext ctx, CancellationToken ct);

    public abstract Task<StepResult> AnswerAsync(ConversationContext ctx, StepInput input, CancellationToken ct);

    public virtual Task<IReadOnlyList<SummaryLine>> SummariseAsync(ConversationContext ctx, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<SummaryLine>>([]);

    public virtual string? EditLabel(ConversationContext ctx) => null;

    public virtual void BeginEdit(ConversationContext ctx)
    {
    }

    public virtual Task<NewProposal> StoreAsync(ConversationContext ctx, NewProposal proposal, CancellationToken ct) => Task.FromResult(proposal);

    /// <summary>This question's answer in the draft, or null.</summary>
    protected T? Answer<T>(ConversationContext ctx) where T : class => ctx.Draft.Get<T>(Name);

    protected void Save<T>(ConversationContext ctx, T answer) where T : class => ctx.Draft.Set(Name, answer);

    /// <summary>A button of this question; the step gets <paramref name="value"/> back without the prefix.</summary>
    protected Choice Button(string label, string value, string? shortLabel = null) =>
        new(label, $"{Name}:{value}") { ShortLabel = shortLabel };

    protected Choice Button(string label, int id, string? shortLabel = null) =>
        Button(label, id.ToString(CultureInfo.InvariantCulture), shortLabel);

    /// <summary>The id a button carried, when <paramref name="input"/> is one of this question's id buttons.</summary>
    protected static int? PressedId(StepInput input) =>
        input is StepInput.Pressed { Value: var v } && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>A single line for the summary.</summary>
    protected static Task<IReadOnlyList<SummaryLine>> Line(string label, string value) =>
        Task.FromResult<IReadOnlyList<SummaryLine>>([new SummaryLine(label, value)]);
}

/// <summary>The answer of a question that picks one entry by id.</summary>
internal sealed record Chosen(int Id);
