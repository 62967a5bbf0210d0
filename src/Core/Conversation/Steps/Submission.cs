using Hromada.Core.Community;
using Hromada.Core.Consultations;
using Hromada.Core.Conversation.Questions;
using Hromada.Core.Proposals;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Conversation.Steps;

/// <summary>
/// Sends the draft as a proposal: checks that a consultation is open and the day's limit, builds the proposal from the
/// questions' answers, remembers where the author lives, and offers the news. It stores nothing: the proposal is an
/// effect of the turn, received by the turn's commit in the same transaction as the resident's new state, and the
/// reply names its reference through <see cref="TurnEffect.ReferencePlaceholder"/>.
/// </summary>
internal sealed class Submission(
    IConversationReads reads,
    Questionnaire questionnaire,
    CommunityClock clock,
    IOptions<ConversationOptions> options,
    IOptions<CommunityOptions> community,
    Receipts.ReceiptLinks receipts)
{
    /// <summary>The parts of a proposal no question asks: who sends it, from where, when.</summary>
    public static NewProposal Blank(ConversationContext ctx, int consultationId = 0, DateTimeOffset receivedAt = default) => new()
    {
        ConsultationId = consultationId,
        Channel = ctx.Resident.Channel,
        ReceivedAt = receivedAt,
        AuthorCategoryId = 0,
        SphereId = 0,
        Text = "",
        Language = ctx.Resident.Language,
        ResidentId = ctx.Resident.Id,
        Actor = $"resident:{ctx.Resident.Channel}",
    };

    public async Task SubmitAsync(ConversationContext ctx, CancellationToken ct)
    {
        var open = await reads.AcceptingAsync(clock.UtcNow, ct);
        if (open.Count == 0)
        {
            SayNoConsultation(ctx);
            return;
        }
        if (await IsOverDailyLimitAsync(ctx, ct))
        {
            return;
        }
        if (ctx.Draft.Get<Chosen>(ConsultationQuestion.Key) is { } chosen && !open.Any(c => c.Id == chosen.Id))
        {
            // The consultation chosen earlier has closed since: the resident chooses again, or confirms the one still open.
            ctx.Draft.Remove(ConsultationQuestion.Key);
            ctx.Say(open.Count == 1 ? ctx.T("Error_ConsultationClosedOneOpen", open[0].Title) : ctx.T("Error_ConsultationClosed"));
            await questionnaire.GoOnAsync(ctx, ct);
            return;
        }
        if (await questionnaire.NextQuestionAsync(ctx, ct) is not null)
        {
            // A question now applies that did not when the draft was filled in (another consultation opened): ask it.
            await questionnaire.GoOnAsync(ctx, ct);
            return;
        }
        var proposal = await questionnaire.BuildAsync(ctx, Blank(ctx, open.Count == 1 ? open[0].Id : 0, clock.UtcNow), ct);

        var r = ctx.Resident;
        r.ResidenceSettlementId = proposal.ResidenceSettlementId ?? r.ResidenceSettlementId;
        // The proposal and the resident's new state commit together: both or neither.
        ctx.Step = SubscribeStep.StepName;
        r.ConversationData = null;
        ctx.Effects.Add(new TurnEffect.Submit(proposal));
        ctx.ResetDraft();
        ctx.Say(ctx.T("Submitted", TurnEffect.ReferencePlaceholder));
        // The reference and the receipt code exist only once the commit has stored the proposal: it fills them in.
        var link = receipts.For(TurnEffect.ReferencePlaceholder, TurnEffect.ReceiptCodePlaceholder);
        ctx.SayLink(ctx.T("Submitted_Receipt", link), new LinkButton(ctx.T("Receipt_Button"), link));
        if (open.FirstOrDefault(c => c.Id == proposal.ConsultationId) is { } consultation && consultation.IsLate(proposal.ReceivedAt))
        {
            ctx.Say(ctx.T("Submitted_Late"));
        }
        if (r.IsSubscribed)
        {
            MenuStep.Leave(ctx, ctx.T("Menu"));
        }
        else
        {
            await questionnaire.Find(SubscribeStep.StepName)!.AskAsync(ctx, ct);
        }
    }

    /// <summary>Says that no consultation is open and offers the news.</summary>
    public void SayNoConsultation(ConversationContext ctx)
    {
        ctx.ResetDraft();
        ctx.Step = "";
        ctx.Say(ctx.T("Greeting_NoConsultation", community.Value.NameGenitive), [ctx.C("Choice_MenuSubscribe", ChatCommands.Button(ChatCommands.Subscribe))]);
    }

    /// <summary>True (and the resident told so) when they already submitted the day's most.</summary>
    public async Task<bool> IsOverDailyLimitAsync(ConversationContext ctx, CancellationToken ct)
    {
        if (ctx.Resident.Id == 0)
        {
            return false;
        }
        var dayStart = clock.StartOfDay(clock.Today);
        var today = await reads.CountProposalsAsync(ctx.Resident.Id, dayStart, ct);
        var max = options.Value.MaxProposalsPerDay;
        if (today < max)
        {
            return false;
        }
        MenuStep.Leave(ctx, ctx.T("Error_DailyLimit", ctx.Count(max, "Proposal", GrammaticalCase.Accusative)));
        return true;
    }
}
