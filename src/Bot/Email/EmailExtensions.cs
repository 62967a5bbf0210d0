using Hromada.Bot.Channels;
using Hromada.Core.Announcements;
using Hromada.Core.Outbox;
using Microsoft.Extensions.Options;

namespace Hromada.Bot.Email;

/// <summary>Registers the e-mail channel (outgoing only) when <c>Hromada:Email:Host</c> is set.</summary>
public static class EmailExtensions
{
    public static IServiceCollection AddEmailChannel(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(EmailOptions.Section).Get<EmailOptions>() ?? new EmailOptions();
        const string host = EmailOptions.Section + ":Host";
        services.AddSingleton<IChannelTargets>(new SwitchedTargets(AnnouncementTarget.AuthorEmails, options.IsOn,
            new($"E-mail is off ({host} is empty).", $"Електронну пошту вимкнено ({host} не задано).")));
        if (!options.IsOn)
        {
            services.AddSingleton(new ChannelStatus("E-mail", false, $"no {EmailOptions.Section}:Host configured"));
            return services;
        }

        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();
        services.AddSingleton(new ChannelStatus("E-mail", true,
            $"SMTP {options.Host}:{options.Port} ({options.TlsMode}), from {options.FromAddress}, at most {options.PerMinute} a minute"));
        services.AddSingleton<IChannelSender, EmailChannelSender>();
        return services;
    }
}
