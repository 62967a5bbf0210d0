using Hromada.Core.Catalogs;
using Hromada.Core.Conversation.Steps;
using Hromada.Core.Proposals;

namespace Hromada.Core.Conversation.Questions;

/// <summary>What a business does — asked of the categories that ask for it.</summary>
internal sealed class BusinessKindQuestion(CatalogCache cache) : CatalogQuestion<BusinessKind>(cache, s => s.BusinessKinds)
{
    public override string Name => "business";
    protected override string AskKey => "Ask_BusinessKind";
    protected override string SummaryKey => "Summary_BusinessKind";
    protected override string EditKey => "Choice_EditBusinessKind";

    public override async Task<bool> AppliesAsync(ConversationContext ctx, CancellationToken ct) =>
        await CategoryQuestion.AsksAsync(ctx, Cache, ct) == AuthorDetail.BusinessKind;

    public override Task<NewProposal> StoreAsync(ConversationContext ctx, NewProposal proposal, CancellationToken ct) =>
        Task.FromResult(proposal with { BusinessKindId = ChosenId(ctx) });
}
