using Hromada.Core.Conversation;
using Hromada.Core.Conversation.Questions;
using Hromada.Core.Conversation.Steps;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Hromada.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Core.Tests.Conversation;

/// <summary>The questionnaire is one list of small units: a new question is one unit and one line in the list.</summary>
public sealed class ConversationQuestionnaireTests
{
    /// <summary>A made-up question: a short title for the proposal, put at the head of its text.</summary>
    private sealed class TitleQuestion : Question
    {
        private sealed record Title(string Value);

        public override string Name => "title";
        public override bool TakesText => true;

        public override Task AskAsync(ConversationContext ctx, CancellationToken ct)
        {
            ctx.Say("Дайте пропозиції коротку назву.");
            return Task.CompletedTask;
        }

        public override Task<StepResult> AnswerAsync(ConversationContext ctx, StepInput input, CancellationToken ct)
        {
            if (input is not StepInput.Typed { Text: var title })
            {
                return Task.FromResult(StepResult.NotTaken);
            }
            Save(ctx, new Title(title));
            return Task.FromResult(StepResult.Done);
        }

        public override Task<IReadOnlyList<SummaryLine>> SummariseAsync(ConversationContext ctx, CancellationToken ct) =>
            Line("Назва", Answer<Title>(ctx)!.Value);

        public override string? EditLabel(ConversationContext ctx) => "✏️ Назва";

        public override Task<NewProposal> StoreAsync(ConversationContext ctx, NewProposal proposal, CancellationToken ct) =>
            Task.FromResult(proposal with { Text = $"{Answer<Title>(ctx)!.Value}\n\n{proposal.Text}" });
    }

    [Fact]
    public async Task AMadeUpQuestion_IsAsked_Summarised_Edited_AndStored()
    {
        await using var host = await CoreTestHost.StartAsync(configureServices: s =>
            s.AddSingleton(QuestionnaireDefinition.Submission.Insert<TitleQuestion>(before: typeof(ContactQuestion))));
        var r = new ResidentDriver(host);
        await r.TextAsync("/start");
        await r.PressAsync("Погоджуюся");
        await r.PressAsync("Громадська організація");
        await r.TextAsync("Лугове");
        await r.PressAsync("Інше");
        await r.TextAsync("Відремонтувати міст через річку біля Лугового.");

        Assert.Equal("Дайте пропозиції коротку назву.", r.Last[^1].Text);
        await r.TextAsync("Міст");
        Assert.Contains("Як до вас звертатися", r.LastText, StringComparison.Ordinal);
        await r.PressAsync("Пропустити");
        Assert.Contains("Назва: Міст", r.LastText, StringComparison.Ordinal);
        await r.PressAsync("✏️ Назва");
        Assert.Equal("Дайте пропозиції коротку назву.", r.LastText);
        await r.TextAsync("Міст через Лугівку");
        Assert.Contains("Назва: Міст через Лугівку", r.LastText, StringComparison.Ordinal);
        await r.PressAsync("Надіслати");

        await using var scope = host.Scope();
        var p = await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().Proposals.SingleAsync();
        Assert.Equal("Міст через Лугівку\n\nВідремонтувати міст через річку біля Лугового.", p.Text);
    }

    [Fact]
    public async Task TheSubmissionQuestionnaire_AsksItsQuestionsInTheOrderOfItsDefinition()
    {
        await using var host = await CoreTestHost.StartAsync();
        await using var scope = host.Scope();

        var names = scope.ServiceProvider.GetRequiredService<Questionnaire>().Questions.Select(q => q.Name);

        Assert.Equal(["consent", "consultation", "category", "groups", "business", "residence", "concerns", "sphere", "topic", "text", "contact"], names);
    }
}
