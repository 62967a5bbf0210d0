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
        // Registered as themselves so the container builds them (ActivatorUtilities would look for a constructor by
        // reflection on every scope: a store is resolved for every turn).
        services.AddScoped<PostgreSql.PostgreSqlPipelineStore>();
        services.AddScoped<Sqlite.SqlitePipelineStore>();
        services.AddScoped<IPipelineStore>(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.PostgreSql
            ? sp.GetRequiredService<PostgreSql.PostgreSqlPipelineStore>()
            : sp.GetRequiredService<Sqlite.SqlitePipelineStore>());
        services.AddScoped<TurnRunner>();
        services.AddSingleton<TurnLoader>();
        services.AddSingleton<TurnCommitter>();
        services.AddSingleton<RetentionService>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionService>());
        services.AddSingleton<PostgreSql.InstanceLock>();
        services.AddHostedService(sp => sp.GetRequiredService<PostgreSql.InstanceLock>());
        return services;
    }
}
