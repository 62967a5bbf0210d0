using Hromada.Core.Conversation.Questions;
using Hromada.Core.Conversation.Steps;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hromada.Core.Conversation;

/// <summary>Registers the questionnaire engine and its options.</summary>
internal static class ConversationExtensions
{
    public static IServiceCollection AddConversation(this IServiceCollection services)
    {
        services.AddOptions<ConversationOptions>().BindConfiguration(ConversationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(QuestionnaireDefinition.Submission);
        services.AddScoped<Questionnaire>();
        services.AddScoped<SettlementPicker>();
        services.TryAddSingleton<Receipts.ReceiptLinks>();
        services.AddScoped<Submission>();
        services.AddScoped<ConversationCommands>();
        services.AddScoped<ConversationFlow>();
        services.AddScoped<IConversationReads, ConversationReads>();
        services.AddScoped<IConversationEngine, ConversationEngine>();
        services.AddSingleton<ConversationTurns>();
        return services;
    }
}
