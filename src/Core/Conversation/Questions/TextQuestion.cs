using Hromada.Core.Conversation.Steps;
using Hromada.Core.Proposals;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Conversation.Questions;

/// <summary>
/// The proposal itself. Taken as soon as it is long enough — no «Готово» to press; a text still too short waits for
/// more, and pieces are joined. From the summary it can be replaced or continued. A piece that would make the text
/// too long is refused whole, keeping what came before.
/// </summary>
internal sealed class TextQuestion(IOptions<ConversationOptions> options) : Question
{
    public override string Name => "text";

    public override bool TakesText => true;

    /// <summary>The pieces so far; whether it is finished; whether the next piece is added to it (when changed from the summary).</summary>
    private sealed record TextAnswer(List<string> Parts, bool Complete, bool Editing = false, bool Appending = false)
    {
        public string Text => Join(Parts);
    }

    /// <summary>
    /// One text from the pieces a resident sent: a piece that goes on with the sentence (it begins in lower case, or
    /// the piece before ended a sentence) follows after a space; a new capitalised thought after an unfinished one
    /// starts a new line. Never an empty line between pieces: they are one proposal, not paragraphs.
    /// </summary>
    internal static string Join(IReadOnlyList<string> parts)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var raw in parts)
        {
            var piece = raw.Trim();
            if (piece.Length == 0)
            {
                continue;
            }
            if (sb.Length > 0)
            {
                var endedSentence = sb[^1] is '.' or '!' or '?' or '…' or ':' or ';' or ',' or '-' or '—';
                sb.Append(endedSentence || !char.IsUpper(piece[0]) ? ' ' : '\n');
            }
            sb.Append(piece);
        }
        return sb.ToString();
    }

    public override bool IsAnswered(ConversationContext ctx) => Answer<TextAnswer>(ctx)?.Complete == true;

    public override Task AskAsync(ConversationContext ctx, CancellationToken ct)
    {
        var o = options.Value;
        var answer = Answer<TextAnswer>(ctx);
        if (answer is { Appending: true })
        {
            ctx.Say(ctx.T("Ask_TextAppend"));
        }
        else if (answer is { Editing: true })
        {
            ctx.Say(ctx.T("Ask_TextEdit", o.ProposalMaxLength), [Button(ctx.T("Choice_TextAppend"), "append")]);
        }
        else if (answer is { Parts.Count: > 0 })
        {
            var length = answer.Text.Length;
            ctx.Say(ctx.T("Text_TooShortSoFar", ctx.Count(length, "Character"), o.ProposalMinLength), [Button(ctx.T("Choice_TextReset"), "reset")]);
        }
        else
        {
            ctx.Say(ctx.T("Ask_Text", o.ProposalMinLength, o.ProposalMaxLength));
        }
        return Task.CompletedTask;
    }

    public override Task<StepResult> AnswerAsync(ConversationContext ctx, StepInput input, CancellationToken ct)
    {
        var answer = Answer<TextAnswer>(ctx) ?? new TextAnswer([], false);
        switch (input)
        {
            case StepInput.Pressed { Value: "reset" }:
                Save(ctx, new TextAnswer([], false));
                return Task.FromResult(StepResult.Again);
            case StepInput.Pressed { Value: "append" } when answer.Editing:
                Save(ctx, answer with { Appending = true });
                return Task.FromResult(StepResult.Again);
            case StepInput.Typed { Text: var piece }:
                return Task.FromResult(Add(ctx, answer, piece));
            default:
                return Task.FromResult(StepResult.NotTaken);
        }
    }

    private StepResult Add(ConversationContext ctx, TextAnswer answer, string piece)
    {
        var o = options.Value;
        // From the summary a new text replaces the old one, unless the resident chose to continue it.
        var parts = answer.Editing && !answer.Appending ? [] : answer.Parts.ToList();
        parts.Add(piece);
        var next = new TextAnswer(parts, false);
        var length = next.Text.Length;
        if (length > o.ProposalMaxLength)
        {
            return StepResult.Refused(ctx.T("Error_TextTooLong", ctx.Count(length, "Character"), o.ProposalMaxLength));
        }
        if (length < o.ProposalMinLength)
        {
            Save(ctx, next);
            return StepResult.Again;
        }
        Save(ctx, next with { Complete = true });
        ctx.Say(ctx.T("Text_Taken", ctx.Count(length, "Character")));
        return StepResult.Done;
    }

    public override Task<IReadOnlyList<SummaryLine>> SummariseAsync(ConversationContext ctx, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<SummaryLine>>([new SummaryLine(ctx.T("Summary_Text"), Answer<TextAnswer>(ctx)?.Text ?? "", IsBlock: true)]);

    public override string? EditLabel(ConversationContext ctx) => ctx.T("Choice_EditText");

    public override void BeginEdit(ConversationContext ctx) =>
        Save(ctx, (Answer<TextAnswer>(ctx) ?? new TextAnswer([], false)) with { Complete = false, Editing = true, Appending = false });

    public override Task<NewProposal> StoreAsync(ConversationContext ctx, NewProposal proposal, CancellationToken ct) =>
        Task.FromResult(proposal with { Text = Answer<TextAnswer>(ctx)?.Text ?? "" });
}
