using Hromada.Bot.Channels;
using Hromada.Core.Announcements;
using Hromada.Core.Inbox;
using Hromada.Core.Outbox;
using Hromada.Core.Residents;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Hromada.Bot.Messenger;

/// <summary>Registers the Messenger channel when <c>Hromada:Messenger:PageAccessToken</c> is set, and maps its webhook.</summary>
public static class MessengerExtensions
{
    public static IServiceCollection AddMessengerChannel(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(MessengerOptions.Section).Get<MessengerOptions>() ?? new MessengerOptions();
        services.AddSingleton<IChannelTargets>(sp => new MessengerTargets(options, sp.GetRequiredService<IOptions<AnnouncementOptions>>()));
        services.AddSingleton<ISenderMessageIds, MessengerMessageIds>();
        if (!options.IsOn)
        {
            services.AddSingleton(new ChannelStatus("Messenger", false, $"no {MessengerOptions.Section}:PageAccessToken configured"));
            return services;
        }

        services.AddOptions<MessengerOptions>().BindConfiguration(MessengerOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MessengerOptions>, MessengerOptionsValidator>();
        services.AddSingleton(new ChannelStatus("Messenger", true,
            $"webhook {MessengerWebhookEndpoints.Path}, Graph API {options.GraphApiBaseUrl} {options.GraphApiVersion}" +
            (string.IsNullOrWhiteSpace(options.PageId) ? "" : $", Page {options.PageId}")));

        // No resilience handler: the outbox dispatcher is the one retry layer for sends.
        services.AddHttpClient<GraphApiClient>(http => http.Timeout = TimeSpan.FromSeconds(30)).RemoveAllLoggers();
        services.TryAddScoped<PagedMenuStore>();
        services.AddScoped<MessengerRenderer>();
        services.AddSingleton<IChannelAdapter, MessengerAdapter>();
        services.AddSingleton<IChannelSender, MessengerChannelSender>();
        services.AddHostedService<MessengerProfileSetup>();
        return services;
    }

    public static IEndpointRouteBuilder MapMessengerWebhook(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetService<IOptions<MessengerOptions>>();
        if (options?.Value.IsOn == true)
        {
            endpoints.MapMessengerWebhookEndpoints();
        }
        return endpoints;
    }
}
