using Hromada.Core.Inbox;
using Hromada.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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
        services.AddScoped<IPipelineStore>(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.PostgreSql
            ? ActivatorUtilities.CreateInstance<PostgreSql.PostgreSqlPipelineStore>(sp)
            : ActivatorUtilities.CreateInstance<Sqlite.SqlitePipelineStore>(sp));
        services.AddScoped<TurnRunner>();
        services.AddSingleton<TurnCommitter>();
        services.AddSingleton<RetentionService>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionService>());
        services.AddSingleton<PostgreSql.InstanceLock>();
        services.AddHostedService(sp => sp.GetRequiredService<PostgreSql.InstanceLock>());
        return services;
    }
}
