using Hromada.Admin.Commands;

namespace Hromada.Bot.Security;

/// <summary>
/// Refuses a request whose body is not declared as JSON. A page on another site can POST <c>text/plain</c>, a form or
/// no body at all without asking the browser's permission; <c>application/json</c> needs a CORS preflight, which this
/// host never grants. So only this host's own widget (or a non-browser client) can call an endpoint behind it.
/// </summary>
public static class JsonOnlyFilter
{
    /// <summary>Answers 415 as ProblemDetails unless the request says <c>Content-Type: application/json</c>.</summary>
    public static RouteHandlerBuilder RequireJsonContentType(this RouteHandlerBuilder endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.AddEndpointFilter(async (context, next) =>
            context.HttpContext.Request.HasJsonContentType()
                ? await next(context)
                : TypedResults.Problem(
                    statusCode: StatusCodes.Status415UnsupportedMediaType,
                    title: ApiLanguage.Pick("Send the request as JSON", "Надішліть запит як JSON"),
                    detail: ApiLanguage.Pick(
                        "This endpoint takes Content-Type: application/json (an empty object {} will do).",
                        "Ця адреса приймає лише Content-Type: application/json (підійде й порожній обʼєкт {}).")));
    }
}
