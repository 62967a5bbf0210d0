using Hromada.Bot.Email;
using Hromada.Bot.Health;
using Hromada.Bot.Instagram;
using Hromada.Bot.Messenger;
using Hromada.Bot.Telegram;
using Hromada.Bot.Viber;
using Hromada.Bot.WebChat;

namespace Hromada.Bot.Channels;

/// <summary>Registers and maps every channel adapter; each one decides from its own options whether it is on.</summary>
public static class BotChannelsExtensions
{
    public static IServiceCollection AddBotChannels(this IServiceCollection services, IConfiguration configuration)
    {
        // A channel whose platform has not taken its webhook reports it here; /healthz reads it.
        services.AddSingleton<ChannelReception>();
        services.AddSingleton<WebhookRegistration>();
        services.AddWebChat(configuration);
        services.AddTelegramChannel(configuration);
        services.AddMessengerChannel(configuration);
        services.AddViberChannel(configuration);
        services.AddInstagramChannel(configuration);
        services.AddEmailChannel(configuration);
        return services;
    }

    public static IEndpointRouteBuilder MapBotChannels(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapWebChat();
        endpoints.MapTelegramWebhook();
        endpoints.MapMessengerWebhook();
        endpoints.MapViberWebhook();
        return endpoints;
    }

    public static void LogChannelStatus(this IServiceProvider services)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Hromada.Bot.Channels");
        foreach (var status in services.GetServices<ChannelStatus>())
        {
            logger.LogInformation("Channel {Channel}: {State} — {Detail}", status.Channel, status.IsOn ? "on" : "off", status.Detail);
        }
    }
}
