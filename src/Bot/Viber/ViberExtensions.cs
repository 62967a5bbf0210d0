using Hromada.Bot.Channels;
using Hromada.Core.Announcements;
using Hromada.Core.Inbox;
using Hromada.Core.Outbox;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Hromada.Bot.Viber;

/// <summary>Registers the Viber channel when <c>Hromada:Viber:AuthToken</c> is set, and maps its callback URL.</summary>
public static class ViberExtensions
{
    public static IServiceCollection AddViberChannel(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(ViberOptions.Section).Get<ViberOptions>() ?? new ViberOptions();
        const string token = ViberOptions.Section + ":AuthToken";
        services.AddSingleton<IChannelTargets>(new SwitchedTargets(AnnouncementTarget.ViberSubscribers, options.IsOn,
            new($"Viber is off ({token} is empty).", $"Viber вимкнено ({token} не задано).")));
        if (!options.IsOn)
        {
            services.AddSingleton(new ChannelStatus("Viber", false, $"no {ViberOptions.Section}:AuthToken configured"));
            return services;
        }

        services.AddOptions<ViberOptions>().BindConfiguration(ViberOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ViberOptions>, ViberOptionsValidator>();
        services.AddSingleton(new ChannelStatus("Viber", true,
            $"callbacks at {ViberWebhookEndpoints.Path}, REST API {options.ApiBaseUrl}" +
            (string.IsNullOrWhiteSpace(options.WebhookUrl) ? ", webhook registered by hand" : $", webhook {options.WebhookUrl}")));

        // No resilience handler: the outbox dispatcher is the one retry layer for sends.
        services.AddHttpClient<ViberApiClient>(http => http.Timeout = TimeSpan.FromSeconds(30)).RemoveAllLoggers();
        services.TryAddScoped<PagedMenuStore>();
        services.AddScoped<ViberRenderer>();
        services.AddSingleton<ViberBroadcaster>();
        services.AddSingleton<IChannelAdapter, ViberAdapter>();
        services.AddSingleton<IChannelSender, ViberChannelSender>();
        services.AddHostedService<ViberWebhookSetup>();
        return services;
    }

    public static IEndpointRouteBuilder MapViberWebhook(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetService<IOptions<ViberOptions>>();
        if (options?.Value.IsOn == true)
        {
            endpoints.MapViberWebhookEndpoints();
        }
        return endpoints;
    }
}
