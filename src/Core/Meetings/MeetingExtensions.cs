using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Meetings;

/// <summary>Registers the working group's settings (the meetings themselves are recorded through the admin services).</summary>
internal static class MeetingExtensions
{
    public static IServiceCollection AddMeetings(this IServiceCollection services)
    {
        services.AddOptions<WorkingGroupOptions>().BindConfiguration(WorkingGroupOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WorkingGroupOptions>, WorkingGroupOptionsValidator>();
        return services;
    }
}
