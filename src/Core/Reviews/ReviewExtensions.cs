using Hromada.Core.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Reviews;

/// <summary>Registers what review by the subgroups and executive bodies needs in Core, and the weekly summary their pass sends.</summary>
internal static class ReviewExtensions
{
    public static IServiceCollection AddReviews(this IServiceCollection services)
    {
        services.AddOptions<ReviewOptions>().BindConfiguration(ReviewOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ReviewDueDates>();
        services.AddSingleton<ReviewNoticeGate>();
        services.AddScoped<ReviewNotices>();
        services.AddOptions<WeeklySummaryOptions>().BindConfiguration(WeeklySummaryOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WeeklySummaryOptions>, WeeklySummaryOptionsValidator>();
        services.AddScoped<WeeklySummaries>();
        services.AddHostedService<ReviewNoticeService>();
        return services;
    }
}
