using Hromada.Core.Conversation.Steps;
using Hromada.Core.Proposals;
using Hromada.Core.Catalogs;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Conversation.Questions;

/// <summary>
/// A topic inside the chosen sphere, optional: asked only for a sphere that has topics, and a resident who starts
/// writing their proposal here instead has skipped it — the text goes on to the next question.
/// </summary>
internal sealed class TopicQuestion(CatalogCache cache, IOptions<ConversationOptions> options) : Question
{
    public override string Name => "topic";

    public override string ExpectedKey => "Expect_Topic";

    /// <summary>The topic (null when skipped) and the sphere it was chosen for: a changed sphere asks it again.</summary>
    private sealed record TopicAnswer(int SphereId, int? TopicId);

    public override async Task<bool> AppliesAsync(ConversationContext ctx, CancellationToken ct) =>
        SphereQuestion.ChosenSphere(ctx) is { } sphere && (await cache.GetAsync(ct)).Topics.Any(t => t.SphereId == sphere && !t.IsRetired);

    public override bool IsAnswered(ConversationContext ctx) =>
        Answer<TopicAnswer>(ctx) is { } answer && answer.SphereId == SphereQuestion.ChosenSphere(ctx);

    public override async Task AskAsync(ConversationContext ctx, CancellationToken ct)
    {
        var sphere = SphereQuestion.ChosenSphere(ctx);
        var topics = (await cache.GetAsync(ct)).Topics.Where(t => !t.IsRetired && t.SphereId == sphere).OrderBy(t => t.SortOrder).ToList();
        var choices = topics.Select(t => Button(t.Label, t.Id, t.ShortLabel)).ToList();
        choices.Add(Button(ctx.T("Choice_Skip"), "skip"));
        ctx.Say(ctx.T("Ask_Topic"), choices);
    }

    public override async Task<StepResult> AnswerAsync(ConversationContext ctx, StepInput input, CancellationToken ct)
    {
        if (SphereQuestion.ChosenSphere(ctx) is not { } sphere)
        {
            return StepResult.NotTaken;
        }
        switch (input)
        {
            case StepInput.Pressed { Value: "skip" }:
                Save(ctx, new TopicAnswer(sphere, null));
                return StepResult.Done;
            case StepInput.Typed { Text: var text } when text.Length >= options.Value.ProposalMinLength:
                Save(ctx, new TopicAnswer(sphere, null));
                return StepResult.PassOn;
        }
        if (PressedId(input) is { } id && (await cache.GetAsync(ct)).Topics.Any(t => t.Id == id && t.SphereId == sphere && !t.IsRetired))
        {
            Save(ctx, new TopicAnswer(sphere, id));
            return StepResult.Done;
        }
        return StepResult.NotTaken;
    }

    public override async Task<IReadOnlyList<SummaryLine>> SummariseAsync(ConversationContext ctx, CancellationToken ct)
    {
        var id = Answer<TopicAnswer>(ctx)?.TopicId;
        var label = id is null ? null : (await cache.GetAsync(ct)).Topics.SingleOrDefault(t => t.Id == id)?.Label;
        return [new SummaryLine(ctx.T("Summary_Topic"), label ?? ctx.T("Summary_None"))];
    }

    public override string? EditLabel(ConversationContext ctx) => ctx.T("Choice_EditTopic");

    public override Task<NewProposal> StoreAsync(ConversationContext ctx, NewProposal proposal, CancellationToken ct) =>
        Task.FromResult(proposal with { TopicId = IsAnswered(ctx) ? Answer<TopicAnswer>(ctx)!.TopicId : null });
}
