using Hromada.Core.Validation;

namespace Hromada.Admin.Commands;

/// <summary>How a command ended.</summary>
public enum CommandStatus
{
    Done,
    Invalid,
    NotFound,
    Conflict,
}

/// <summary>
/// Why a command did nothing: invalid input (with <see cref="Errors"/> by field), an unknown target, or a concurrent
/// change (the caller read an older version). <see cref="Title"/> and <see cref="Detail"/> are what the API answers, in
/// English and Ukrainian (the request's <c>Accept-Language</c> picks, see <see cref="ApiLanguage"/>).
/// </summary>
public sealed record CommandFailure(CommandStatus Status, ApiText Title, ApiText? Detail = null, FieldErrors? Errors = null)
{
    public static CommandFailure Invalid(string title, string ukrainianTitle, FieldErrors errors) =>
        new(CommandStatus.Invalid, new ApiText(title, ukrainianTitle), null, errors);

    public static CommandFailure Invalid(ApiText title, FieldErrors errors) => new(CommandStatus.Invalid, title, null, errors);

    public static CommandFailure NotFound(string title, string ukrainianTitle, string detail, string ukrainianDetail) =>
        new(CommandStatus.NotFound, new ApiText(title, ukrainianTitle), new ApiText(detail, ukrainianDetail));

    public static CommandFailure Conflict(string title, string ukrainianTitle, string detail, string ukrainianDetail) =>
        new(CommandStatus.Conflict, new ApiText(title, ukrainianTitle), new ApiText(detail, ukrainianDetail));
}

/// <summary>A command's value when it was done, else its <see cref="CommandFailure"/>.</summary>
public sealed class CommandResult<T>
{
    internal CommandResult(T? value, CommandFailure? failure)
    {
        Value = value;
        Failure = failure;
    }

    public T? Value { get; }

    public CommandFailure? Failure { get; }

    public CommandStatus Status => Failure?.Status ?? CommandStatus.Done;

    public bool IsDone => Failure is null;

    /// <summary>The field errors of an invalid command; empty otherwise.</summary>
    public FieldErrors Errors => Failure?.Errors ?? new FieldErrors();

#pragma warning disable CA2225 // A failure converts to any result; there is nothing to name.
    public static implicit operator CommandResult<T>(CommandFailure failure) => new(default, failure);
#pragma warning restore CA2225
}

/// <summary>Builds a done <see cref="CommandResult{T}"/>; a failure converts to one by itself.</summary>
public static class CommandResult
{
    public static CommandResult<T> Done<T>(T value) => new(value, null);
}
