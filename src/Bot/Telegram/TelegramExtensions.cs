using Hromada.Bot.Channels;
using Hromada.Core.Announcements;
using Hromada.Core.Inbox;
using Hromada.Core.Outbox;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace Hromada.Bot.Telegram;

/// <summary>Registers the Telegram channel when <c>Hromada:Telegram:Token</c> is set, in polling or webhook mode.</summary>
public static class TelegramExtensions
{
    public static IServiceCollection AddTelegramChannel(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(TelegramOptions.Section).Get<TelegramOptions>() ?? new TelegramOptions();
        services.AddSingleton<IChannelTargets>(sp => new TelegramTargets(options, sp.GetRequiredService<IOptions<AnnouncementOptions>>()));
        if (!options.IsOn)
        {
            services.AddSingleton(new ChannelStatus("Telegram", false, $"no {TelegramOptions.Section}:Token configured"));
            return services;
        }

        services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>();
        services.AddSingleton(new ChannelStatus("Telegram", true, options.Mode == TelegramMode.Webhook
            ? $"webhook mode, Telegram posts to {options.WebhookUrl}"
            : $"polling mode against {options.ApiBaseUrl}"));

        // No resilience handler on this client: sends are retried by the outbox dispatcher, set-up calls and polling by TelegramRetry.
        // The timeout outlasts a long poll.
        // Our own logs say what a send did; the factory's per-request log scopes cost more than the request on loopback.
        services.AddHttpClient("telegram", http => http.Timeout = TimeSpan.FromSeconds(60)).RemoveAllLoggers();
        services.AddSingleton<ITelegramBotClient>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
            var clientOptions = new TelegramBotClientOptions(o.Token, o.ApiBaseUrl.TrimEnd('/')) { RetryThreshold = 0, RetryCount = 0 };
            return new TelegramBotClient(clientOptions, sp.GetRequiredService<IHttpClientFactory>().CreateClient("telegram"));
        });
        services.AddSingleton<TelegramRetry>();
        services.AddSingleton<IChannelAdapter, TelegramAdapter>();
        services.AddSingleton<IChannelSender, TelegramChannelSender>();
        if (options.Mode == TelegramMode.Webhook)
        {
            services.AddHostedService<TelegramWebhookSetup>();
        }
        else
        {
            services.AddHostedService<TelegramPolling>();
        }
        return services;
    }

    /// <summary>
    /// Webhook mode: Telegram's POSTs answered on a short branch of the pipeline (<see cref="TelegramWebhook.ShortPath"/>).
    /// Call after <c>AddHromadaSecurity</c>: a start-up filter registered later sits inside the earlier ones, so the
    /// branch gets the security headers and the client's real address.
    /// </summary>
    public static IServiceCollection AddTelegramWebhookShortPath(this IServiceCollection services)
    {
        services.AddTransient<IStartupFilter, TelegramWebhook.ShortPath>();
        return services;
    }

    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetService<IOptions<TelegramOptions>>();
        if (options?.Value is { IsOn: true, Mode: TelegramMode.Webhook })
        {
            endpoints.MapTelegramWebhookEndpoint();
        }
        return endpoints;
    }
}
