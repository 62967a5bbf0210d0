using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Hromada.Core.Proposals;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Core.Conversation.Steps;

/// <summary>
/// Runs a <see cref="QuestionnaireDefinition"/>: finds the step a resident is at, and moves on to the first question
/// that applies and is not answered — the same rule whether the resident is filling it in or has just changed one
/// answer from the summary (a changed author category makes its own follow-up question unanswered, and only that is
/// asked before the summary comes back).
/// </summary>
internal sealed class Questionnaire(IServiceProvider services, QuestionnaireDefinition definition)
{
    // Each scope (each turn) builds its own steps; how to build one is worked out once per type, not looked up by
    // reflection on every turn.
    private static readonly ConcurrentDictionary<Type, ObjectFactory> Factories = new();
    private List<IQuestion>? _questions;
    private readonly Dictionary<Type, IStep> _others = [];

    /// <summary>The questions in the order they are asked.</summary>
    public IReadOnlyList<IQuestion> Questions => _questions ??= Build();

    public IStep Menu => Other<MenuStep>();

    public IStep Summary => Other<SummaryStep>();

    /// <summary>The step called <paramref name="name"/>, or null for a name no step has (an older version's state).</summary>
    public IStep? Find(string name) =>
        Questions.FirstOrDefault(q => q.Name == name)
        ?? new IStep[] { Menu, Summary, Other<SubscribeStep>(), Other<ForgetStep>() }.FirstOrDefault(s => s.Name == name);

    public IQuestion? FindQuestion(string name) => Questions.FirstOrDefault(q => q.Name == name);

    /// <summary>The first question that applies to this draft and is not answered yet; null when only the summary is left.</summary>
    public async Task<IQuestion?> NextQuestionAsync(ConversationContext ctx, CancellationToken ct)
    {
        foreach (var question in Questions)
        {
            if (!question.IsAnswered(ctx) && await question.AppliesAsync(ctx, ct))
            {
                return question;
            }
        }
        return null;
    }

    /// <summary>The questions that apply to this draft, in order.</summary>
    public async Task<IReadOnlyList<IQuestion>> ApplyingAsync(ConversationContext ctx, CancellationToken ct)
    {
        var applying = new List<IQuestion>();
        foreach (var question in Questions)
        {
            if (await question.AppliesAsync(ctx, ct))
            {
                applying.Add(question);
            }
        }
        return applying;
    }

    /// <summary>A new draft, and its first question.</summary>
    public async Task StartAsync(ConversationContext ctx, CancellationToken ct)
    {
        ctx.ResetDraft();
        await GoOnAsync(ctx, ct);
    }

    /// <summary>Asks the next question not answered, or shows the summary when all are.</summary>
    public async Task GoOnAsync(ConversationContext ctx, CancellationToken ct)
    {
        IStep next = await NextQuestionAsync(ctx, ct) ?? Summary;
        ctx.Step = next.Name;
        await next.AskAsync(ctx, ct);
    }

    /// <summary>Asks the resident's current step again (the menu when they are between submissions).</summary>
    public Task AskAsync(ConversationContext ctx, CancellationToken ct) => (Find(ctx.Step) ?? Menu).AskAsync(ctx, ct);

    /// <summary>The proposal the draft's answers make, on top of <paramref name="proposal"/>.</summary>
    public async Task<NewProposal> BuildAsync(ConversationContext ctx, NewProposal proposal, CancellationToken ct)
    {
        foreach (var question in await ApplyingAsync(ctx, ct))
        {
            proposal = await question.StoreAsync(ctx, proposal, ct);
        }
        return proposal;
    }

    /// <summary>Names of the steps outside the questionnaire, and the menu buttons' prefix.</summary>
    private static readonly string[] Reserved = [ChatCommands.ButtonPrefix, SummaryStep.StepName, SubscribeStep.StepName, ForgetStep.StepName];

    private List<IQuestion> Build()
    {
        var questions = definition.Questions.Select(t => (IQuestion)Create(t)).ToList();
        // A question's name is its type's: the names are checked once per definition, not on every turn.
        if (!Checked.TryGetValue(definition, out _))
        {
            Check(questions);
            Checked.AddOrUpdate(definition, definition);
        }
        return questions;
    }

    /// <summary>Definitions whose step names were checked.</summary>
    private static readonly ConditionalWeakTable<QuestionnaireDefinition, object> Checked = [];

    private static void Check(List<IQuestion> questions)
    {
        foreach (var question in questions)
        {
            if (question.Name.Length is 0 or > 20 || !question.Name.All(c => char.IsAsciiLetterLower(c) || c == '-'))
            {
                throw new InvalidOperationException($"Question {question.GetType().Name}: name '{question.Name}' must be 1–20 lower-case latin letters or '-'.");
            }
        }
        var duplicate = questions.Select(q => q.Name).Concat(Reserved).GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two steps are named '{duplicate.Key}'.");
        }
    }

    private object Create(Type type) => Factories.GetOrAdd(type, static t => ActivatorUtilities.CreateFactory(t, Type.EmptyTypes))(services, null);

    private IStep Other<T>() where T : IStep
    {
        if (!_others.TryGetValue(typeof(T), out var step))
        {
            step = (T)Create(typeof(T));
            _others[typeof(T)] = step;
        }
        return step;
    }
}
