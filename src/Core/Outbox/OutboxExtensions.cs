using Hromada.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Core.Outbox;

internal static class OutboxExtensions
{
    /// <summary>The outbox and its dispatcher; channels add their <see cref="IChannelSender"/>s.</summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.AddScoped<IOutbox, Outbox>();
        return services;
    }
}
