using Hromada.Core.Community;
using Hromada.Core.Conversation.Steps;
using Hromada.Core.Proposals;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Conversation.Questions;

/// <summary>
/// Consent to the processing of personal data, with the privacy notice's link. Kept on the resident, so it is asked
/// once — and again when the notice's version changes.
/// </summary>
internal sealed class ConsentQuestion(IOptions<CommunityOptions> community, TimeProvider time) : Question
{
    public override string Name => "consent";

    public override bool IsAnswered(ConversationContext ctx) =>
        ctx.Resident.ConsentAt is not null && ctx.Resident.ConsentVersion == community.Value.PrivacyNoticeVersion;

    public override Task AskAsync(ConversationContext ctx, CancellationToken ct)
    {
        ctx.Say(ctx.T("Ask_Consent", community.Value.PrivacyNoticeLink),
            [Button(ctx.T("Choice_ConsentYes"), "yes"), Button(ctx.T("Choice_ConsentNo"), "no")]);
        return Task.CompletedTask;
    }

    public override Task<StepResult> AnswerAsync(ConversationContext ctx, StepInput input, CancellationToken ct)
    {
        switch (input)
        {
            case StepInput.Pressed { Value: "yes" }:
                ctx.Resident.ConsentAt = time.GetUtcNow();
                ctx.Resident.ConsentVersion = community.Value.PrivacyNoticeVersion;
                return Task.FromResult(StepResult.Done);
            case StepInput.Pressed { Value: "no" }:
                MenuStep.Leave(ctx, ctx.T("Consent_Declined", community.Value.CouncilName));
                return Task.FromResult(StepResult.Handled);
            default:
                return Task.FromResult(StepResult.NotTaken);
        }
    }

    public override Task<NewProposal> StoreAsync(ConversationContext ctx, NewProposal proposal, CancellationToken ct) =>
        Task.FromResult(proposal with { ConsentAt = ctx.Resident.ConsentAt, ConsentVersion = ctx.Resident.ConsentVersion });
}
