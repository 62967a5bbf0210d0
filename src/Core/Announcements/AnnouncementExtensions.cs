using Hromada.Core.Calendar;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Announcements;

/// <summary>Registers the working-day calendar and announcements (the timer itself is the host's, see <see cref="IAnnouncementScheduler"/>).</summary>
internal static class AnnouncementExtensions
{
    public static IServiceCollection AddAnnouncements(this IServiceCollection services)
    {
        services.AddOptions<CalendarOptions>().BindConfiguration(CalendarOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CalendarOptions>, CalendarOptionsValidator>();
        services.AddSingleton<WorkingDayCalendar>();

        services.AddOptions<AnnouncementOptions>().BindConfiguration(AnnouncementOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AnnouncementOptions>, AnnouncementOptionsValidator>();
        services.AddSingleton<AnnouncementChannels>();
        services.TryAddSingleton<IAnnouncementScheduler, DatabaseOnlyAnnouncementScheduler>();
        services.AddScoped<AnnouncementValidator>();
        services.AddScoped<NoticeValues>();
        services.AddScoped<AnnouncementCards>();
        services.AddScoped<AnnouncementService>();
        services.AddScoped<AnnouncementBroadcaster>();
        services.AddScoped<ConsultationNotices>();
        services.AddScoped<AnnouncementHousekeeping>();
        return services;
    }
}
