using Hromada.Core.Conversation.Steps;
using Hromada.Core.Proposals;

namespace Hromada.Core.Conversation.Questions;

/// <summary>
/// The settlement the proposal concerns. Never asked on the way: it is where the author lives
/// (<see cref="ResidenceQuestion"/>) until the resident changes it from the summary — to another settlement, or to
/// the whole hromada.
/// </summary>
internal sealed class ConcernsQuestion(SettlementPicker picker) : Question
{
    private const string WholeHromada = "all";

    public override string Name => "concerns";

    public override bool TakesText => true;

    public override string ExpectedKey => "Expect_Settlement";

    /// <summary>What the resident chose instead of their residence.</summary>
    private sealed record Concern(Place? Place, bool WholeHromada);

    public override bool IsAnswered(ConversationContext ctx) => true;

    public override Task AskAsync(ConversationContext ctx, CancellationToken ct) =>
        picker.AskAsync(ctx, Name, ctx.T("Ask_Concerns"), [Button(ctx.T("Choice_WholeHromada"), WholeHromada)], ct);

    public override async Task<StepResult> AnswerAsync(ConversationContext ctx, StepInput input, CancellationToken ct)
    {
        if (input is StepInput.Pressed { Value: WholeHromada })
        {
            SettlementPicker.Reset(ctx, Name);
            Save(ctx, new Concern(null, WholeHromada: true));
            return StepResult.Done;
        }
        var (result, place) = await picker.AnswerAsync(ctx, Name, input, ct);
        if (place is not null)
        {
            Save(ctx, new Concern(place, WholeHromada: false));
        }
        return result;
    }

    public override async Task<IReadOnlyList<SummaryLine>> SummariseAsync(ConversationContext ctx, CancellationToken ct)
    {
        var (place, whole) = Concerned(ctx);
        var value = whole ? ctx.T("Summary_WholeHromada") : await picker.DisplayAsync(place, ct) ?? ctx.T("Summary_None");
        return [new SummaryLine(ctx.T("Summary_Concerns"), value)];
    }

    public override string? EditLabel(ConversationContext ctx) => ctx.T("Choice_EditConcerns");

    public override void BeginEdit(ConversationContext ctx) => SettlementPicker.Reset(ctx, Name);

    public override Task<NewProposal> StoreAsync(ConversationContext ctx, NewProposal proposal, CancellationToken ct)
    {
        var (place, _) = Concerned(ctx);
        return Task.FromResult(proposal with { SettlementId = place?.SettlementId, UnlistedSettlement = place?.Unlisted });
    }

    private (Place? Place, bool WholeHromada) Concerned(ConversationContext ctx) =>
        Answer<Concern>(ctx) is { } concern ? (concern.Place, concern.WholeHromada) : (ResidenceQuestion.Residence(ctx), false);
}
