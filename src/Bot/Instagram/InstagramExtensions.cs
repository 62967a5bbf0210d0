using Hromada.Bot.Channels;
using Hromada.Core.Announcements;
using Hromada.Core.Community;
using Hromada.Core.Outbox;
using Microsoft.Extensions.Options;

namespace Hromada.Bot.Instagram;

/// <summary>Registers Instagram publishing when <c>Hromada:Instagram:AccessToken</c> is set (announcements only; nobody writes in).</summary>
public static class InstagramExtensions
{
    public static IServiceCollection AddInstagramChannel(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(InstagramOptions.Section).Get<InstagramOptions>() ?? new InstagramOptions();
        services.AddSingleton<IChannelTargets>(new InstagramTargets(options));
        if (!options.IsOn)
        {
            services.AddSingleton(new ChannelStatus("Instagram", false, $"no {InstagramOptions.Section}:AccessToken configured"));
            return services;
        }

        services.AddOptions<InstagramOptions>().BindConfiguration(InstagramOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<InstagramOptions>, InstagramOptionsValidator>();
        var publicBase = configuration[$"{CommunityOptions.Section}:{nameof(CommunityOptions.PublicBaseUrl)}"] ?? new CommunityOptions().PublicBaseUrl;
        services.AddSingleton(new ChannelStatus("Instagram", true,
            $"announcements to account {options.UserId} through {options.GraphApiBaseUrl} {options.GraphApiVersion}; cards fetched from {publicBase.TrimEnd('/')}/announcements/…/card.jpg"
            + (Uri.TryCreate(publicBase, UriKind.Absolute, out var u) && u.IsLoopback ? " — WARNING: a loopback address Instagram cannot reach" : "")));

        // No resilience handler: the outbox dispatcher is the one retry layer for sends.
        services.AddHttpClient<InstagramApiClient>(http => http.Timeout = TimeSpan.FromSeconds(60)).RemoveAllLoggers();
        services.AddSingleton<IChannelSender, InstagramChannelSender>();
        return services;
    }
}
