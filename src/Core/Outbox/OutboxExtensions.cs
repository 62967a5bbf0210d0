using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Core.Outbox;

public static class OutboxExtensions
{
    public static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<IOutbox, Outbox>();
        return services;
    }
}
