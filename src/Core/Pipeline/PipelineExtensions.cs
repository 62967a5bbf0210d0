using Hromada.Core.Inbox;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Core.Pipeline;

public static class PipelineExtensions
{
    /// <summary>The inbox side of the message pipeline; channels add their <see cref="IChannelAdapter"/>s.</summary>
    public static IServiceCollection AddMessagePipeline(this IServiceCollection services)
    {
        services.AddOptions<PipelineOptions>().BindConfiguration(PipelineOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<InboxWriter>();
        services.AddSingleton<SenderLeases>();
        services.AddSingleton<InboxProcessor>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxProcessor>());
        services.AddScoped<InboxItemHandler>();
        services.AddScoped<IPipelineStore, Sqlite.SqlitePipelineStore>();
        services.AddScoped<TurnRunner>();
        services.AddSingleton<TurnCommitter>();
        services.AddSingleton<RetentionService>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionService>());
        return services;
    }
}
