using Hromada.Core.Conversation.Questions;

namespace Hromada.Core.Conversation.Steps;

/// <summary>
/// A questionnaire as one list: its questions in the order they are asked. Each type is an <see cref="IQuestion"/>
/// built per message with its dependencies from the container. Adding a question is one new unit listed here, its
/// texts, and a migration when it stores something the proposal has no place for yet.
/// </summary>
internal sealed class QuestionnaireDefinition
{
    public QuestionnaireDefinition(IReadOnlyList<Type> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        foreach (var type in questions.Where(t => !typeof(IQuestion).IsAssignableFrom(t) || t.IsAbstract))
        {
            throw new ArgumentException($"{type.Name} is not a question (a concrete IQuestion).", nameof(questions));
        }
        Questions = questions;
    }

    public IReadOnlyList<Type> Questions { get; }

    /// <summary>What a resident is asked to submit a proposal.</summary>
    public static QuestionnaireDefinition Submission { get; } = new(
    [
        typeof(ConsentQuestion),
        typeof(ConsultationQuestion),
        typeof(CategoryQuestion),
        typeof(SocialGroupsQuestion),
        typeof(BusinessKindQuestion),
        typeof(ResidenceQuestion),
        typeof(ConcernsQuestion),
        typeof(SphereQuestion),
        typeof(TopicQuestion),
        typeof(TextQuestion),
        typeof(ContactQuestion),
    ]);

    /// <summary>The same questionnaire with <typeparamref name="TQuestion"/> asked just before <paramref name="before"/>.</summary>
    public QuestionnaireDefinition Insert<TQuestion>(Type before) where TQuestion : IQuestion
    {
        var list = Questions.ToList();
        var at = list.IndexOf(before);
        if (at < 0)
        {
            throw new ArgumentException($"{before.Name} is not in this questionnaire.", nameof(before));
        }
        list.Insert(at, typeof(TQuestion));
        return new QuestionnaireDefinition(list);
    }
}
