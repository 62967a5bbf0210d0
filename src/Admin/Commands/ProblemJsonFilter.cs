using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Hromada.Admin.Commands;

/// <summary>
/// A ProblemDetails an admin endpoint returns as the value of a typed result (<c>NotFound&lt;ProblemDetails&gt;</c>,
/// <c>Conflict&lt;ProblemDetails&gt;</c>) would be written as <c>application/json</c>; this sends it as the problem it is,
/// <c>application/problem+json</c> with the same status, as every other error answer and the OpenAPI document say. The
/// endpoints keep their typed results, so the document still lists those answers.
/// </summary>
internal static class ProblemJsonFilter
{
    public static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var inner = result is INestedHttpResult nested ? nested.Result : result as IResult;
        if (inner is IValueHttpResult { Value: ProblemDetails problem } and not ProblemHttpResult and not ValidationProblem)
        {
            problem.Status ??= (inner as IStatusCodeHttpResult)?.StatusCode;
            return TypedResults.Problem(problem);
        }
        return result;
    }
}
