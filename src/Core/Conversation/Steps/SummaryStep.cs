using System.Text;
using Hromada.Core.Proposals;

namespace Hromada.Core.Conversation.Steps;

/// <summary>
/// Every answer on one screen, with a button to change each (from the questions themselves) and «Надіслати».
/// </summary>
internal sealed class SummaryStep(Questionnaire questionnaire, Submission submission) : IStep
{
    public const string StepName = "sum";

    private const string EditPrefix = "edit:";

    public string Name => StepName;

    public async Task AskAsync(ConversationContext ctx, CancellationToken ct)
    {
        var applying = await questionnaire.ApplyingAsync(ctx, ct);
        var lines = new List<SummaryLine>();
        foreach (var question in applying)
        {
            lines.AddRange(await question.SummariseAsync(ctx, ct));
        }
        var text = new StringBuilder(ctx.T("Summary_Title")).Append("\n\n");
        text.AppendJoin('\n', lines.Where(l => !l.IsBlock).Select(l => $"{l.Label}: {l.Value}"));
        foreach (var block in lines.Where(l => l.IsBlock))
        {
            text.Append("\n\n").Append(block.Label).Append(":\n").Append(block.Value);
        }
        var preview = await questionnaire.BuildAsync(ctx, Submission.Blank(ctx), ct);
        if (Proposal.ComputeUnidentified(preview.AuthorName, preview.AuthorPhone, preview.AuthorEmail))
        {
            text.Append("\n\n").Append(ctx.T("Warning_Unidentified"));
        }

        var choices = new List<Choice> { ctx.C("Choice_Send", $"{StepName}:send") };
        foreach (var question in applying)
        {
            if (question.EditLabel(ctx) is { } label)
            {
                choices.Add(new Choice(label, $"{StepName}:{EditPrefix}{question.Name}"));
            }
        }
        choices.Add(ctx.C("Choice_Cancel", $"{StepName}:cancel"));
        ctx.Say(text.ToString(), choices);
    }

    public async Task<StepResult> AnswerAsync(ConversationContext ctx, StepInput input, CancellationToken ct)
    {
        switch (input)
        {
            case StepInput.Pressed { Value: "send" }:
                await submission.SubmitAsync(ctx, ct);
                return StepResult.Handled;
            case StepInput.Pressed { Value: "cancel" }:
                MenuStep.Leave(ctx, ctx.T("Cancelled"));
                return StepResult.Handled;
            case StepInput.Pressed { Value: var value } when value.StartsWith(EditPrefix, StringComparison.Ordinal)
                && questionnaire.FindQuestion(value[EditPrefix.Length..]) is { } question
                && question.EditLabel(ctx) is not null && await question.AppliesAsync(ctx, ct):
                question.BeginEdit(ctx);
                ctx.Step = question.Name;
                await question.AskAsync(ctx, ct);
                return StepResult.Handled;
            default:
                return StepResult.NotTaken;
        }
    }
}
