using Hromada.Core.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Hromada.Admin.Commands;

/// <summary>A command's outcome as the API answers it: 200 with the value, or ProblemDetails (400, 404, 409).</summary>
internal static class CommandApiResults
{
    public static Results<Ok<TOut>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>> ToApi<T, TOut>(
        this CommandResult<T> result, Func<T, TOut> ok) => result.Failure switch
    {
        null => TypedResults.Ok(ok(result.Value!)),
        { Status: CommandStatus.NotFound } f => NotFound(f),
        { Status: CommandStatus.Conflict } f => Conflict(f),
        var f => Validation(f),
    };

    public static ValidationProblem Validation(CommandFailure failure) =>
        TypedResults.ValidationProblem((failure.Errors ?? new FieldErrors()).ToApi(), title: failure.Title.Current);

    public static NotFound<ProblemDetails> NotFound(CommandFailure failure) =>
        TypedResults.NotFound(new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = failure.Title.Current, Detail = failure.Detail?.Current });

    public static Conflict<ProblemDetails> Conflict(CommandFailure failure) =>
        TypedResults.Conflict(new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = failure.Title.Current, Detail = failure.Detail?.Current });
}
