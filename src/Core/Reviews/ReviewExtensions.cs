using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Core.Reviews;

/// <summary>Registers what review by the subgroups and executive bodies needs in Core.</summary>
public static class ReviewExtensions
{
    public static IServiceCollection AddReviews(this IServiceCollection services)
    {
        services.AddOptions<ReviewOptions>().BindConfiguration(ReviewOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ReviewDueDates>();
        services.AddSingleton<ReviewNoticeGate>();
        services.AddScoped<ReviewNotices>();
        services.AddHostedService<ReviewNoticeService>();
        return services;
    }
}
