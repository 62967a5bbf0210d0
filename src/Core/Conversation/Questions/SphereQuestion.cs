using Hromada.Core.Catalogs;
using Hromada.Core.Conversation.Steps;
using Hromada.Core.Proposals;

namespace Hromada.Core.Conversation.Questions;

/// <summary>The programme's sphere the proposal belongs to.</summary>
internal sealed class SphereQuestion(CatalogCache cache) : CatalogQuestion<Sphere>(cache, s => s.Spheres)
{
    public const string Key = "sphere";

    public override string Name => Key;
    protected override string AskKey => "Ask_Sphere";
    protected override string SummaryKey => "Summary_Sphere";
    protected override string EditKey => "Choice_EditSphere";

    public static int? ChosenSphere(ConversationContext ctx) => ctx.Draft.Get<Chosen>(Key)?.Id;

    public override Task<NewProposal> StoreAsync(ConversationContext ctx, NewProposal proposal, CancellationToken ct) =>
        Task.FromResult(proposal with { SphereId = ChosenId(ctx) ?? 0 });
}
