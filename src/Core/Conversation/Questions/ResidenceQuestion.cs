using Hromada.Core.Conversation.Steps;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Core.Conversation.Questions;

/// <summary>
/// Where the author lives — the protocol counts authors by residence. The proposal concerns the same settlement
/// unless the resident changes that from the summary (<see cref="ConcernsQuestion"/>), so one question serves both.
/// A resident's residence is remembered and offered with one tap for their next proposal.
/// </summary>
internal sealed class ResidenceQuestion(Catalogs.CatalogCache cache, SettlementPicker picker) : Question
{
    public const string Key = "residence";

    private const string Remembered = "home";

    public override string Name => Key;

    public override bool TakesText => true;

    public override string ExpectedKey => "Expect_Settlement";

    /// <summary>Where the author said they live, or null before they answered.</summary>
    public static Place? Residence(ConversationContext ctx) => ctx.Draft.Get<Place>(Key);

    public override async Task AskAsync(ConversationContext ctx, CancellationToken ct)
    {
        if (await RememberedAsync(ctx, ct) is { } home)
        {
            await picker.AskAsync(ctx, Name, ctx.T("Ask_ResidenceRemembered", home.DisplayName),
                [Button("📍 " + home.DisplayName, Remembered, "📍 " + (home.ShortLabel ?? home.DisplayName))], ct);
            return;
        }
        await picker.AskAsync(ctx, Name, ctx.T("Ask_Residence"), [], ct);
    }

    public override async Task<StepResult> AnswerAsync(ConversationContext ctx, StepInput input, CancellationToken ct)
    {
        if (input is StepInput.Pressed { Value: Remembered } && await RememberedAsync(ctx, ct) is { } home)
        {
            SettlementPicker.Reset(ctx, Name);
            Save(ctx, new Place(home.Id, null));
            return StepResult.Done;
        }
        var (result, place) = await picker.AnswerAsync(ctx, Name, input, ct);
        if (place is not null)
        {
            Save(ctx, place);
        }
        return result;
    }

    public override async Task<IReadOnlyList<SummaryLine>> SummariseAsync(ConversationContext ctx, CancellationToken ct) =>
        [new SummaryLine(ctx.T("Summary_Residence"), await picker.DisplayAsync(Residence(ctx), ct) ?? ctx.T("Summary_None"))];

    public override string? EditLabel(ConversationContext ctx) => ctx.T("Choice_EditResidence");

    public override void BeginEdit(ConversationContext ctx) => SettlementPicker.Reset(ctx, Name);

    public override Task<NewProposal> StoreAsync(ConversationContext ctx, NewProposal proposal, CancellationToken ct) =>
        Task.FromResult(proposal with { ResidenceSettlementId = Residence(ctx)?.SettlementId });

    private async Task<Catalogs.Settlement?> RememberedAsync(ConversationContext ctx, CancellationToken ct) =>
        ctx.Resident.ResidenceSettlementId is { } id
            ? (await cache.GetAsync(ct)).Settlements.SingleOrDefault(s => s.Id == id && !s.IsRetired)
            : null;
}
