namespace Hromada.Core.Conversation.Steps;

/// <summary>
/// /forget, confirmed: the resident's name and contacts leave every proposal they made (which stay, anonymous and
/// flagged unidentified), and the resident record, their conversation and every raw message of theirs are deleted
/// (<see cref="Residents.ResidentErasure"/>, run by the turn's commit). Anything but "yes" keeps it all.
/// </summary>
internal sealed class ForgetStep(IConversationReads reads) : IStep
{
    public const string StepName = "forget";

    public string Name => StepName;

    public Task AskAsync(ConversationContext ctx, CancellationToken ct)
    {
        ctx.Say(ctx.T("Ask_Forget"), [ctx.C("Choice_ForgetYes", "forget:yes"), ctx.C("Choice_ForgetNo", "forget:no")]);
        return Task.CompletedTask;
    }

    public async Task<StepResult> AnswerAsync(ConversationContext ctx, StepInput input, CancellationToken ct)
    {
        if (input is not StepInput.Pressed { Value: "yes" })
        {
            MenuStep.Leave(ctx, ctx.T("Forget_Kept"));
            return StepResult.Handled;
        }
        var erased = ctx.Resident.Id == 0 ? 0 : await reads.CountProposalsAsync(ctx.Resident.Id, null, ct);
        ctx.Effects.Add(new TurnEffect.EraseResident());
        ctx.Say(ctx.T("Forget_Done", ctx.Count(erased, "Proposal", GrammaticalCase.Accusative)));
        return StepResult.Handled;
    }
}
