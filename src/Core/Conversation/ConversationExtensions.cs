using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Core.Conversation;

/// <summary>Registers the questionnaire engine and its options.</summary>
public static class ConversationExtensions
{
    public static IServiceCollection AddConversation(this IServiceCollection services)
    {
        services.AddOptions<ConversationOptions>().BindConfiguration(ConversationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<QuestionnaireQuestions>();
        services.AddScoped<QuestionnaireAnswers>();
        services.AddScoped<ConversationCommands>();
        services.AddScoped<ConversationEngine>();
        services.AddSingleton<IConversationEngine, ConversationService>();
        return services;
    }
}
