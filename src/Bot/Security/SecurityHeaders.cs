using Microsoft.Extensions.Options;

namespace Hromada.Bot.Security;

/// <summary>
/// Headers on every response: a Content-Security-Policy (pages and static files may load only this host's scripts,
/// styles and data; no inline script; framed only by <see cref="SecurityOptions.FrameAncestors"/>), no MIME sniffing,
/// no referrer; and under <c>/api</c>, where answers carry personal data, nothing may be cached and nothing rendered.
/// </summary>
internal sealed class SecurityHeadersMiddleware
{
    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    private readonly RequestDelegate _next;
    private readonly string _pagePolicy;
    private readonly string? _frameOptions;

    public SecurityHeadersMiddleware(RequestDelegate next, IOptions<SecurityOptions> options)
    {
        _next = next;
        var ancestors = options.Value.FrameAncestorSources;
        _pagePolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
            $"object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors {string.Join(' ', ancestors)}";
        // For browsers that predate frame-ancestors; it cannot name other origins, so it is left out when some are allowed.
        _frameOptions = ancestors switch
        {
            ["'self'"] => "SAMEORIGIN",
            ["'none'"] => "DENY",
            _ => null,
        };
    }

    public Task InvokeAsync(HttpContext context)
    {
        // Set when the response starts, so an error page written after the headers were cleared carries them too.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            var api = IsApi(context.Request.Path);
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = api ? ApiPolicy : _pagePolicy;
            if (api)
            {
                headers.CacheControl = "no-store";
                headers.XFrameOptions = "DENY";
            }
            else if (_frameOptions is not null)
            {
                headers.XFrameOptions = _frameOptions;
            }
            return Task.CompletedTask;
        });
        return _next(context);
    }

    private static bool IsApi(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);
}
