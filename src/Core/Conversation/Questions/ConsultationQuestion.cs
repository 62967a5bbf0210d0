using System.Globalization;
using Hromada.Core.Community;
using Hromada.Core.Consultations;
using Hromada.Core.Conversation.Steps;
using Hromada.Core.Proposals;

namespace Hromada.Core.Conversation.Questions;

/// <summary>
/// Which consultation the proposal is for — asked only while more than one is open (rounds, two programmes); with
/// one open, the proposal goes to it without a question.
/// </summary>
internal sealed class ConsultationQuestion(Catalogs.CatalogCache cache, CommunityClock clock) : Question
{
    public const string Key = "consultation";

    public override string Name => Key;

    public override async Task<bool> AppliesAsync(ConversationContext ctx, CancellationToken ct) =>
        (await cache.ListAcceptingAsync(clock.UtcNow, ct)).Count > 1;

    public override async Task AskAsync(ConversationContext ctx, CancellationToken ct)
    {
        var open = await cache.ListAcceptingAsync(clock.UtcNow, ct);
        var list = open.Select((c, i) => ctx.T("Consultation_Line", i + 1, c.Title, DeadlineText.Until(ctx, clock, c.Deadline)));
        ctx.Say(ctx.T("Ask_Consultation") + "\n\n" + string.Join('\n', list),
            open.Select((c, i) => Button(c.Title, c.Id, "№ " + (i + 1).ToString(CultureInfo.InvariantCulture))).ToList());
    }

    public override async Task<StepResult> AnswerAsync(ConversationContext ctx, StepInput input, CancellationToken ct)
    {
        if (PressedId(input) is { } id && (await cache.ListAcceptingAsync(clock.UtcNow, ct)).Any(c => c.Id == id))
        {
            Save(ctx, new Chosen(id));
            return StepResult.Done;
        }
        return StepResult.NotTaken;
    }

    public override async Task<IReadOnlyList<SummaryLine>> SummariseAsync(ConversationContext ctx, CancellationToken ct)
    {
        var chosen = Answer<Chosen>(ctx);
        var title = chosen is null ? null : (await cache.GetAsync(ct)).OpenConsultations.SingleOrDefault(c => c.Id == chosen.Id)?.Title;
        title ??= ctx.T("Summary_None");
        return [new SummaryLine(ctx.T("Summary_Consultation"), title)];
    }

    public override string? EditLabel(ConversationContext ctx) => ctx.T("Choice_EditConsultation");

    public override Task<NewProposal> StoreAsync(ConversationContext ctx, NewProposal proposal, CancellationToken ct) =>
        Task.FromResult(Answer<Chosen>(ctx) is { } chosen ? proposal with { ConsultationId = chosen.Id } : proposal);
}
