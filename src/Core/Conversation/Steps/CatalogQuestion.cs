using Hromada.Core.Catalogs;

namespace Hromada.Core.Conversation.Steps;

/// <summary>A question answered by one entry of a catalog, offered as buttons (the short label where a label is long).</summary>
internal abstract class CatalogQuestion<TItem>(CatalogCache cache, Func<CatalogSnapshot, IReadOnlyList<TItem>> catalog) : Question where TItem : CatalogItem
{
    /// <summary>The catalogs, for subclasses that look at other answers' entries.</summary>
    protected CatalogCache Cache => cache;

    /// <summary>Resource key of the question.</summary>
    protected abstract string AskKey { get; }

    /// <summary>Resource key of the answer's label in the summary.</summary>
    protected abstract string SummaryKey { get; }

    /// <summary>Resource key of the summary button that changes the answer.</summary>
    protected abstract string EditKey { get; }

    /// <summary>The entries offered for this draft (not retired; narrowed by an earlier answer where one applies).</summary>
    protected virtual IEnumerable<TItem> Offered(ConversationContext ctx, CatalogSnapshot snapshot) => catalog(snapshot).Where(x => !x.IsRetired);

    /// <summary>The id chosen, or null.</summary>
    public int? ChosenId(ConversationContext ctx) => Answer<Chosen>(ctx)?.Id;

    public override async Task AskAsync(ConversationContext ctx, CancellationToken ct)
    {
        var items = Offered(ctx, await cache.GetAsync(ct)).OrderBy(x => x.SortOrder).ToList();
        ctx.Say(ctx.T(AskKey), items.Select(i => Button(i.Label, i.Id, i.ShortLabel)).ToList());
    }

    public override async Task<StepResult> AnswerAsync(ConversationContext ctx, StepInput input, CancellationToken ct)
    {
        if (PressedId(input) is { } id && Offered(ctx, await cache.GetAsync(ct)).Any(x => x.Id == id))
        {
            Save(ctx, new Chosen(id));
            return StepResult.Done;
        }
        return StepResult.NotTaken;
    }

    public override async Task<IReadOnlyList<SummaryLine>> SummariseAsync(ConversationContext ctx, CancellationToken ct)
    {
        var id = ChosenId(ctx);
        var label = id is null ? null : catalog(await cache.GetAsync(ct)).SingleOrDefault(x => x.Id == id)?.Label;
        return [new SummaryLine(ctx.T(SummaryKey), label ?? ctx.T("Summary_None"))];
    }

    public override string? EditLabel(ConversationContext ctx) => ctx.T(EditKey);
}
