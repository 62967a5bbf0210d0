using Hromada.Core.Conversation.Steps;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Core.Conversation.Questions;

/// <summary>
/// Where the author lives — the protocol counts authors by residence. The proposal concerns the same settlement
/// unless the resident changes that from the summary (<see cref="ConcernsQuestion"/>), so one question serves both.
/// A resident's residence is remembered and offered with one tap for their next proposal. A business or an
/// organisation (any category that does not ask for social groups) is asked where it works instead, and is counted there.
/// </summary>
internal sealed class ResidenceQuestion(Catalogs.CatalogCache cache, SettlementPicker picker) : Question
{
    public const string Key = "residence";

    private const string Remembered = "home";

    /// <summary>Where the wording for an organisation is remembered for <see cref="EditLabel"/>, which cannot look it up.</summary>
    private const string WordingKey = "residence-wording";

    private sealed record Wording(bool Organisation);

    public override string Name => Key;

    public override bool TakesText => true;

    public override string ExpectedKey => "Expect_Settlement";

    /// <summary>Where the author said they live, or null before they answered.</summary>
    public static Place? Residence(ConversationContext ctx) => ctx.Draft.Get<Place>(Key);

    public override async Task AskAsync(ConversationContext ctx, CancellationToken ct)
    {
        var organisation = await IsOrganisationAsync(ctx, ct);
        if (await RememberedAsync(ctx, ct) is { } home)
        {
            await picker.AskAsync(ctx, Name, ctx.T(organisation ? "Ask_WorksInRemembered" : "Ask_ResidenceRemembered", home.DisplayName),
                [Button("📍 " + home.DisplayName, Remembered, "📍 " + (home.ShortLabel ?? home.DisplayName))], ct);
            return;
        }
        await picker.AskAsync(ctx, Name, ctx.T(organisation ? "Ask_WorksIn" : "Ask_Residence"), [], ct);
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
        [new SummaryLine(ctx.T(await IsOrganisationAsync(ctx, ct) ? "Summary_WorksIn" : "Summary_Residence"),
            await picker.DisplayAsync(Residence(ctx), ct) ?? ctx.T("Summary_None"))];

    public override string? EditLabel(ConversationContext ctx) =>
        ctx.T(ctx.Draft.Get<Wording>(WordingKey)?.Organisation == true ? "Choice_EditWorksIn" : "Choice_EditResidence");

    /// <summary>True when the author is a business or an organisation, not a person (their category asks no social groups).</summary>
    private async Task<bool> IsOrganisationAsync(ConversationContext ctx, CancellationToken ct)
    {
        var asks = await CategoryQuestion.AsksAsync(ctx, cache, ct);
        var organisation = asks is not null and not Catalogs.AuthorDetail.SocialGroups;
        ctx.Draft.Set(WordingKey, new Wording(organisation));
        return organisation;
    }

    public override void BeginEdit(ConversationContext ctx) => SettlementPicker.Reset(ctx, Name);

    public override Task<NewProposal> StoreAsync(ConversationContext ctx, NewProposal proposal, CancellationToken ct) =>
        Task.FromResult(proposal with { ResidenceSettlementId = Residence(ctx)?.SettlementId });

    private async Task<Catalogs.Settlement?> RememberedAsync(ConversationContext ctx, CancellationToken ct) =>
        ctx.Resident.ResidenceSettlementId is { } id
            ? (await cache.GetAsync(ct)).Settlements.SingleOrDefault(s => s.Id == id && !s.IsRetired)
            : null;
}
