using Hromada.Bot.Channels;
using Hromada.Core.Notifications;
using Microsoft.Extensions.Options;

namespace Hromada.Bot.Messenger;

/// <summary>Registers the Messenger channel when <c>Hromada:Messenger:PageAccessToken</c> is set, and maps its webhook.</summary>
public static class MessengerExtensions
{
    public static IServiceCollection AddMessengerChannel(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(MessengerOptions.Section).Get<MessengerOptions>() ?? new MessengerOptions();
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

        services.AddHttpClient<GraphApiClient>(http => http.Timeout = TimeSpan.FromSeconds(30)).AddGraphApiResilience();
        services.AddScoped<MessengerResidents>();
        services.AddScoped<MessengerRenderer>();
        services.AddScoped<MessengerSender>();
        services.AddScoped<MessengerUpdateHandler>();
        services.AddSingleton<MessengerInboxProcessor>();
        services.AddHostedService(sp => sp.GetRequiredService<MessengerInboxProcessor>());
        services.AddHostedService<MessengerProfileSetup>();
        services.AddSingleton<INotificationChannel, MessengerNotificationChannel>();
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
