using Hromada.Bot.Channels;
using Hromada.Core.Announcements;
using Hromada.Core.Inbox;
using Hromada.Core.Residents;
using Microsoft.Extensions.Options;

namespace Hromada.Bot.WebChat;

/// <summary>Registers the web chat: the widget at / (wwwroot), its API under /api/webchat, and its inbox adapter.</summary>
public static class WebChatExtensions
{
    public static IServiceCollection AddWebChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebChatOptions>().BindConfiguration(WebChatOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var enabled = configuration.GetValue(WebChatOptions.Section + ":Enabled", true);
        const string switchKey = WebChatOptions.Section + ":Enabled";
        services.AddSingleton<IChannelTargets>(new SwitchedTargets(AnnouncementTarget.WebChatSubscribers, enabled,
            new($"The web chat is off ({switchKey} is false).", $"Вебчат вимкнено ({switchKey} = false).")));
        services.AddSingleton<ISenderMessageIds, WebChatMessageIds>();
        services.AddSingleton(new ChannelStatus("WebChat", enabled,
            enabled ? "served at / (embed with /webchat/embed.js), API under /api/webchat" : "Hromada:WebChat:Enabled is false"));
        if (enabled)
        {
            // No sender: the browser fetches what the outbox holds for its session.
            services.AddSingleton<IChannelAdapter, WebChatAdapter>();
            services.AddScoped<WebChatDelivery>();
        }
        return services;
    }

    public static IEndpointRouteBuilder MapWebChat(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetRequiredService<IOptions<WebChatOptions>>().Value.Enabled)
        {
            endpoints.MapWebChatApi();
        }
        return endpoints;
    }
}
