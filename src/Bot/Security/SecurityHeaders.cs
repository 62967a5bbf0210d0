using Microsoft.Extensions.Options;

namespace Hromada.Bot.Security;

/// <summary>
/// Headers on every response: a Content-Security-Policy (pages and static files may load only this host's scripts,
/// styles and data; no inline script; framed only by <see cref="SecurityOptions.FrameAncestors"/>), no MIME sniffing,
/// no referrer; under <c>/api</c>, where answers carry personal data, nothing may be cached and nothing rendered; and the
/// working group's pages under <c>/admin</c> (personal data too) are never cached and never framed.
/// </summary>
internal sealed class SecurityHeadersMiddleware
{
    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    private readonly RequestDelegate _next;
    private readonly string _pagePolicy;
    private readonly string _adminPolicy;
    private readonly string? _frameOptions;

    public SecurityHeadersMiddleware(RequestDelegate next, IOptions<SecurityOptions> options)
    {
        _next = next;
        var ancestors = options.Value.FrameAncestorSources;
        const string Sources = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
            "object-src 'none'; base-uri 'self'; form-action 'self'; ";
        _pagePolicy = Sources + $"frame-ancestors {string.Join(' ', ancestors)}";
        // The chat may be embedded by the council's site; the working group's pages never are (clickjacking).
        _adminPolicy = Sources + "frame-ancestors 'none'";
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
            var path = context.Request.Path;
            var api = IsApi(path);
            var admin = !api && path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase);
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = api ? ApiPolicy : admin ? _adminPolicy : _pagePolicy;
            if (api || admin)
            {
                // The page's own CSS and script carry no personal data and a version in their URL: those may be kept.
                if (!path.StartsWithSegments("/admin/assets", StringComparison.OrdinalIgnoreCase))
                {
                    headers.CacheControl = "no-store";
                }
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
