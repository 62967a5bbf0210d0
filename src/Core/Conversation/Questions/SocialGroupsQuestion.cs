using Hromada.Core.Catalogs;
using Hromada.Core.Conversation.Steps;
using Hromada.Core.Proposals;

namespace Hromada.Core.Conversation.Questions;

/// <summary>
/// The social groups a person belongs to (several may be ticked, then «Готово»); an exclusive entry such as «Жодна з
/// цих груп» answers with one tap.
/// </summary>
internal sealed class SocialGroupsQuestion(CatalogCache cache) : Question
{
    private const string Tick = "✓ ";

    public override string Name => "groups";

    /// <summary>The groups ticked so far, whether the resident said that is all, and whether a tap just changed them.</summary>
    private sealed record Groups(List<int> Ids, bool Complete, bool Ticked = false);

    public override async Task<bool> AppliesAsync(ConversationContext ctx, CancellationToken ct) =>
        await CategoryQuestion.AsksAsync(ctx, cache, ct) == AuthorDetail.SocialGroups;

    public override bool IsAnswered(ConversationContext ctx) => Answer<Groups>(ctx)?.Complete == true;

    public override async Task AskAsync(ConversationContext ctx, CancellationToken ct)
    {
        var answer = Answer<Groups>(ctx);
        var ticked = answer?.Ids ?? [];
        var groups = (await cache.GetAsync(ct)).SocialGroups.Where(g => !g.IsRetired).OrderBy(g => g.SortOrder).ToList();
        var choices = groups
            .Select(g => ticked.Contains(g.Id)
                ? Button(Tick + g.Label, g.Id, Tick + (g.ShortLabel ?? g.Label))
                : Button(g.Label, g.Id, g.ShortLabel))
            .ToList();
        choices.Add(Button(ctx.T("Choice_Done"), "done"));
        if (answer is { Ticked: true })
        {
            // Only the ticks changed: not the whole question again, only what is ticked now (a chat that cannot change
            // a message sent shows this one line; the web chat and Telegram change the buttons of the question on screen).
            Save(ctx, answer with { Ticked = false });
            var labels = groups.Where(g => ticked.Contains(g.Id)).Select(g => g.Label).ToList();
            ctx.SayUpdated(labels.Count == 0 ? ctx.T("Ask_SocialGroupsNoneTicked") : ctx.T("Ask_SocialGroupsTicked", string.Join(", ", labels)), choices);
            return;
        }
        ctx.Say(ctx.T("Ask_SocialGroups"), choices);
    }

    public override async Task<StepResult> AnswerAsync(ConversationContext ctx, StepInput input, CancellationToken ct)
    {
        var ids = Answer<Groups>(ctx)?.Ids ?? [];
        if (input is StepInput.Pressed { Value: "done" })
        {
            if (ids.Count == 0)
            {
                return StepResult.Refused(ctx.T("Error_ChooseAtLeastOneGroup"));
            }
            Save(ctx, new Groups(ids, Complete: true));
            return StepResult.Done;
        }
        var all = (await cache.GetAsync(ct)).SocialGroups;
        if (PressedId(input) is not { } id || all.SingleOrDefault(g => g.Id == id && !g.IsRetired) is not { } group)
        {
            return StepResult.NotTaken;
        }
        if (group.IsExclusive)
        {
            Save(ctx, new Groups([id], Complete: true));
            return StepResult.Done;
        }
        var exclusive = all.Where(g => g.IsExclusive).Select(g => g.Id).ToList();
        ids.RemoveAll(exclusive.Contains);
        if (!ids.Remove(id))
        {
            ids.Add(id);
        }
        Save(ctx, new Groups(ids, Complete: false, Ticked: true));
        return StepResult.Again;
    }

    public override async Task<IReadOnlyList<SummaryLine>> SummariseAsync(ConversationContext ctx, CancellationToken ct)
    {
        var ids = Answer<Groups>(ctx)?.Ids ?? [];
        var labels = (await cache.GetAsync(ct)).SocialGroups.Where(g => ids.Contains(g.Id)).OrderBy(g => g.SortOrder).Select(g => g.Label).ToList();
        return [new SummaryLine(ctx.T("Summary_SocialGroups"), labels.Count == 0 ? ctx.T("Summary_None") : string.Join(", ", labels))];
    }

    public override string? EditLabel(ConversationContext ctx) => ctx.T("Choice_EditSocialGroups");

    public override void BeginEdit(ConversationContext ctx) => Save(ctx, new Groups(Answer<Groups>(ctx)?.Ids ?? [], Complete: false));

    public override Task<NewProposal> StoreAsync(ConversationContext ctx, NewProposal proposal, CancellationToken ct) =>
        Task.FromResult(proposal with { SocialGroupIds = Answer<Groups>(ctx)?.Ids ?? [] });
}
