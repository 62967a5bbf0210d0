using Hromada.Core.Catalogs;
using Hromada.Core.Conversation.Steps;
using Hromada.Core.Proposals;

namespace Hromada.Core.Conversation.Questions;

/// <summary>Who submits: a person, a business, an NGO … (the category decides what is asked next about the author).</summary>
internal sealed class CategoryQuestion(CatalogCache cache) : CatalogQuestion<AuthorCategory>(cache, s => s.AuthorCategories)
{
    public const string Key = "category";

    public override string Name => Key;
    protected override string AskKey => "Ask_Category";
    protected override string SummaryKey => "Summary_Category";
    protected override string EditKey => "Choice_EditCategory";

    /// <summary>What the chosen category asks about the author; null before a category is chosen.</summary>
    public static async Task<AuthorDetail?> AsksAsync(ConversationContext ctx, CatalogCache cache, CancellationToken ct)
    {
        var id = ctx.Draft.Get<Chosen>(Key)?.Id;
        return id is null ? null : (await cache.GetAsync(ct)).AuthorCategories.SingleOrDefault(c => c.Id == id)?.Asks;
    }

    public override Task<NewProposal> StoreAsync(ConversationContext ctx, NewProposal proposal, CancellationToken ct) =>
        Task.FromResult(proposal with { AuthorCategoryId = ChosenId(ctx) ?? 0 });
}
