using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Hromada.Bot.Security;

/// <summary>
/// Registers and applies the host's protections: forwarded headers from trusted proxies only, security headers, the
/// request body limit and the rate limiter (whose policies endpoints take with <c>RequireRateLimiting</c>).
/// </summary>
public static class SecurityExtensions
{
    public static IServiceCollection AddHromadaSecurity(this IServiceCollection services)
    {
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SecurityOptions>, SecurityOptionsValidator>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<SecurityOptions>>((forwarded, security) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Loopback stays trusted (the defaults); a chain of known proxies is walked to the first unknown address.
            forwarded.ForwardLimit = null;
            foreach (var proxy in security.Value.ForwardedHeaders.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var network in security.Value.ForwardedHeaders.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<SecurityOptions>>((kestrel, security) =>
            kestrel.Limits.MaxRequestBodySize = security.Value.MaxRequestBodyBytes);
        services.AddSingleton<WebhookRejections>();
        services.AddRateLimiter(RateLimitPolicies.Add);
        services.AddTransient<IStartupFilter, OutermostSecurity>();
        return services;
    }

    /// <summary>
    /// The request body limit and the rate limiter, which read the endpoint's metadata: call after the exception
    /// handler (routing has run by then).
    /// </summary>
    public static IApplicationBuilder UseHromadaSecurity(this IApplicationBuilder app)
    {
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>
    /// Wraps the whole pipeline, including the routing and authentication the host adds before Program's middleware:
    /// every later step (the key check's log line too) sees the client's real address, and every answer — a 401 from
    /// the key check included — carries the security headers.
    /// </summary>
    private sealed class OutermostSecurity : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseForwardedHeaders();
            app.UseMiddleware<SecurityHeadersMiddleware>();
            next(app);
        };
    }
}
