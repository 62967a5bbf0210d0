using Hromada.Bot.Channels;

namespace Hromada.Bot.Messenger;

/// <summary>Registers the Messenger channel (issue: Messenger channel). Placeholder until the adapter lands.</summary>
public static class MessengerExtensions
{
    public static IServiceCollection AddMessengerChannel(this IServiceCollection services, IConfiguration configuration)
    {
        var token = configuration["Hromada:Messenger:PageAccessToken"];
        services.AddSingleton(new ChannelStatus("Messenger", false,
            string.IsNullOrWhiteSpace(token) ? "no Hromada:Messenger:PageAccessToken configured" : "adapter not built yet"));
        return services;
    }

    public static IEndpointRouteBuilder MapMessengerWebhook(this IEndpointRouteBuilder endpoints) => endpoints;
}
