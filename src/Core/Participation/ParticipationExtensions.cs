using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Participation;

/// <summary>Registers the participation figures: their targets, the daily roll-up of who wrote, the report.</summary>
internal static class ParticipationExtensions
{
    public static IServiceCollection AddParticipation(this IServiceCollection services)
    {
        services.AddOptions<ParticipationOptions>().BindConfiguration(ParticipationOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ParticipationOptions>, ParticipationOptionsValidator>();
        services.AddSingleton<ParticipationRollup>();
        services.AddHostedService(sp => sp.GetRequiredService<ParticipationRollup>());
        services.AddScoped<ParticipationService>();
        return services;
    }
}
