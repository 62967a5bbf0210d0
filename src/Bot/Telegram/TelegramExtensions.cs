using Hromada.Bot.Channels;

namespace Hromada.Bot.Telegram;

/// <summary>Registers the Telegram channel (issue: Telegram channel). Placeholder until the adapter lands.</summary>
public static class TelegramExtensions
{
    public static IServiceCollection AddTelegramChannel(this IServiceCollection services, IConfiguration configuration)
    {
        var token = configuration["Hromada:Telegram:Token"];
        services.AddSingleton(new ChannelStatus("Telegram", false,
            string.IsNullOrWhiteSpace(token) ? "no Hromada:Telegram:Token configured" : "adapter not built yet"));
        return services;
    }

    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder endpoints) => endpoints;
}
