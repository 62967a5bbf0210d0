using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Hromada.Bot.Security;

/// <summary>
/// Registers and applies the host's protections: forwarded headers from the configured trusted proxies only, security headers, the
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
            // Only the proxies the administrator names: the defaults (loopback) are dropped. A chain of trusted proxies
            // is walked from the right to the first address that is not one of them.
            forwarded.ForwardLimit = null;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in security.Value.TrustedProxies)
            {
                forwarded.KnownIPNetworks.Add(TrustedProxy.Parse(proxy)!.Value);
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
    private sealed class OutermostSecurity(IOptions<SecurityOptions> security) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            // With no trusted proxy the headers are not read at all: the middleware would believe every caller when its
            // lists are empty.
            if (security.Value.TrustedProxies.Count > 0)
            {
                app.UseForwardedHeaders();
            }
            app.UseMiddleware<SecurityHeadersMiddleware>();
            next(app);
        };
    }
}
