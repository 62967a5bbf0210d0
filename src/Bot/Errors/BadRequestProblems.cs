using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Hromada.Bot.Errors;

/// <summary>
/// A request the endpoints cannot read — malformed JSON, a value of the wrong type, an unknown enum name, a query
/// parameter that is not a number or a date, a body over the limit — is answered with a ProblemDetails that says which
/// parameter or field and why, with the status the framework gave it (400, 413, …), never a 500 and never a bare
/// "Bad Request". Minimal APIs throw these (<see cref="RouteHandlerOptions.ThrowOnBadRequest"/> is on everywhere) so
/// that they all come here.
/// </summary>
internal sealed class BadRequestProblems(IProblemDetailsService problems, ILogger<BadRequestProblems> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }
        var problem = new ProblemDetails
        {
            Status = bad.StatusCode,
            Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request is too large" : "The request could not be read",
            Detail = bad.Message,
        };
        if (bad.InnerException is JsonException json)
        {
            var field = FieldOf(json.Path);
            var reason = ReasonOf(json);
            problem.Detail = field is null ? $"The body is not valid JSON: {reason}" : $"The field '{field}' is not valid: {reason}";
            if (field is not null)
            {
                problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [reason] };
            }
        }
        logger.LogInformation("{Method} {Path} answered {Status}: {Detail}", httpContext.Request.Method, httpContext.Request.Path, bad.StatusCode, problem.Detail);
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>"$.items[0].outcome" → "items[0].outcome"; the root ("$") or no path → null.</summary>
    private static string? FieldOf(string? path) =>
        path is null || path == "$" ? null : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    /// <summary>The serializer's message without its "Path: … | LineNumber: …" tail, which the field already says.</summary>
    private static string ReasonOf(JsonException json)
    {
        var message = json.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }
}
