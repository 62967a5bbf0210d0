namespace Hromada.Core.Conversation.Steps;

/// <summary>After a submission: would the resident like the consultation's news?</summary>
internal sealed class SubscribeStep(TimeProvider time) : IStep
{
    public const string StepName = "subscribe";

    public string Name => StepName;

    public Task AskAsync(ConversationContext ctx, CancellationToken ct)
    {
        ctx.Say(ctx.T("Ask_Subscribe"), [ctx.C("Choice_SubscribeYes", "subscribe:yes"), ctx.C("Choice_SubscribeNo", "subscribe:no")]);
        return Task.CompletedTask;
    }

    public Task<StepResult> AnswerAsync(ConversationContext ctx, StepInput input, CancellationToken ct)
    {
        switch (input)
        {
            case StepInput.Pressed { Value: "yes" }:
                ctx.Resident.IsSubscribed = true;
                ctx.Resident.SubscribedAt = time.GetUtcNow();
                MenuStep.Leave(ctx, ctx.T("Subscribed"));
                return Task.FromResult(StepResult.Handled);
            case StepInput.Pressed { Value: "no" }:
                MenuStep.Leave(ctx, ctx.T("NotSubscribed"));
                return Task.FromResult(StepResult.Handled);
            default:
                return Task.FromResult(StepResult.NotTaken);
        }
    }
}
