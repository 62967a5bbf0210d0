using Hromada.Bot.Channels;

namespace Hromada.Bot.WebChat;

/// <summary>Registers the web chat (issue: questionnaire and web chat). Placeholder until the adapter lands.</summary>
public static class WebChatExtensions
{
    public static IServiceCollection AddWebChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new ChannelStatus("WebChat", false, "adapter not built yet"));
        return services;
    }

    public static IEndpointRouteBuilder MapWebChat(this IEndpointRouteBuilder endpoints) => endpoints;
}
