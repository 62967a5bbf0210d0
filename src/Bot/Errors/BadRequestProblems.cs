using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Hromada.Admin.Commands;
using Hromada.Core.Validation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Hromada.Bot.Errors;

/// <summary>
/// A request the endpoints cannot read — malformed JSON, a value of the wrong type, an unknown enum name, a query
/// parameter that is not a number or a date, a body over the limit — is answered with a ProblemDetails that says which
/// parameter or field and what it takes (the allowed names of an enum, "a date, YYYY-MM-DD", …), in the request's
/// language (<see cref="ApiLanguage"/>), with the status the framework gave it (400, 413, …): never a 500, never a bare
/// "Bad Request", and never the serializer's own message, which names the program's internal types. Minimal APIs throw
/// these (<see cref="RouteHandlerOptions.ThrowOnBadRequest"/> is on everywhere) so that they all come here.
/// </summary>
internal sealed partial class BadRequestProblems(IProblemDetailsService problems, ILogger<BadRequestProblems> logger) : IExceptionHandler
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
            Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? ApiLanguage.Pick("The request is too large", "Запит завеликий")
                : ApiLanguage.Pick("The request could not be read", "Запит не вдалося прочитати"),
            Detail = DetailOf(httpContext, bad),
        };
        if (bad.InnerException is JsonException json)
        {
            var field = FieldOf(json.Path);
            if (field is null || IsSyntaxError(json))
            {
                problem.Detail = ApiLanguage.Pick(
                    $"The body is not valid JSON (line {json.LineNumber + 1}, position {json.BytePositionInLine + 1}).",
                    $"Тіло запиту — не правильний JSON (рядок {json.LineNumber + 1}, позиція {json.BytePositionInLine + 1}).");
            }
            else
            {
                var expected = Expected(TypeAt(BodyType(httpContext), field));
                var reason = new FieldError(field, $"The field '{field}' must be {expected.English}.", $"Поле «{field}» має бути: {expected.Ukrainian}.");
                problem.Detail = ApiLanguage.Pick(reason.English, reason.Ukrainian);
                problem.Extensions["errors"] = new FieldErrors().Add(reason).ToApi();
            }
        }
        logger.LogInformation("{Method} {Path} answered {Status}: {Detail} ({Cause})", httpContext.Request.Method, httpContext.Request.Path,
            bad.StatusCode, problem.Detail, bad.InnerException?.Message ?? bad.Message);
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>The framework's message about a query, route or header parameter, said without its C# type.</summary>
    private static string DetailOf(HttpContext context, BadHttpRequestException bad)
    {
        if (BindFailed().Match(bad.Message) is { Success: true } failed)
        {
            var name = AsSent(context, failed.Groups["name"].Value);
            var value = failed.Groups["value"].Value;
            var expected = Expected(ParameterType(context, name));
            return ApiLanguage.Pick($"The parameter '{name}' cannot be '{value}': it must be {expected.English}.",
                $"Параметр «{name}» не може мати значення «{value}»: має бути {expected.Ukrainian}.");
        }
        if (Missing().Match(bad.Message) is { Success: true } missing)
        {
            var name = AsSent(context, missing.Groups["name"].Value);
            return ApiLanguage.Pick($"The parameter '{name}' is required.", $"Потрібен параметр «{name}».");
        }
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ApiLanguage.Pick("The request body is over the size this service accepts.", "Тіло запиту більше, ніж приймає сервіс.");
        }
        if (bad.Message.Contains("media type", StringComparison.OrdinalIgnoreCase))
        {
            return ApiLanguage.Pick("Send the body as JSON (Content-Type: application/json).", "Надішліть тіло як JSON (Content-Type: application/json).");
        }
        return ApiLanguage.Pick(TypeName().Replace(bad.Message, "\"${name}\""), "Запит не вдалося прочитати: перевірте параметри й тіло запиту.");
    }

    /// <summary>
    /// A parameter's name as the caller wrote it in the query ("from", not the property's "From"), else camelCase as the
    /// README and the OpenAPI document write it.
    /// </summary>
    private static string AsSent(HttpContext context, string name) =>
        context.Request.Query.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase))
        ?? (name.Length > 0 ? char.ToLowerInvariant(name[0]) + name[1..] : name);

    /// <summary>
    /// The endpoint the request was for: the exception handler clears the request's own, and keeps it in its feature.
    /// </summary>
    private static Endpoint? EndpointOf(HttpContext context) =>
        context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint();

    /// <summary>"$.items[0].outcome" → "items[0].outcome"; the root ("$") or no path → null.</summary>
    private static string? FieldOf(string? path) =>
        path is null || path == "$" ? null : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    /// <summary>Whether the reader failed (the text is not JSON at all), not the conversion of a value.</summary>
    private static bool IsSyntaxError(JsonException json) => json.InnerException?.GetType().Name == "JsonReaderException";

    private static Type? BodyType(HttpContext context) => EndpointOf(context)?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;

    /// <summary>The type of the field at a JSON path ("items[0].outcome") in <paramref name="root"/>, or null.</summary>
    internal static Type? TypeAt(Type? root, string path)
    {
        var type = root;
        foreach (var segment in path.Split('.'))
        {
            if (type is null)
            {
                return null;
            }
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? segment : segment[..bracket];
            if (name.Length > 0)
            {
                var property = (Nullable.GetUnderlyingType(type) ?? type).GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .FirstOrDefault(p => string.Equals(p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? p.Name, name, StringComparison.OrdinalIgnoreCase));
                type = property?.PropertyType;
            }
            for (var i = bracket; i >= 0 && type is not null; i = segment.IndexOf('[', i + 1))
            {
                type = ElementOf(type);
            }
        }
        return type;
    }

    private static Type? ElementOf(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[^1]
        : null;

    /// <summary>The type of a query, route or header parameter named <paramref name="name"/> (an [AsParameters] property too).</summary>
    private static Type? ParameterType(HttpContext context, string name)
    {
        var method = EndpointOf(context)?.Metadata.GetMetadata<MethodInfo>();
        foreach (var parameter in method?.GetParameters() ?? [])
        {
            if (string.Equals(parameter.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return parameter.ParameterType;
            }
            if (parameter.GetCustomAttribute<AsParametersAttribute>() is not null
                && parameter.ParameterType.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is { } property)
            {
                return property.PropertyType;
            }
        }
        return null;
    }

    /// <summary>What a value of <paramref name="type"/> must be, for a person: the enum's names, "a date, YYYY-MM-DD", ….</summary>
    internal static ApiText Expected(Type? type)
    {
        var t = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        if (t is { IsEnum: true })
        {
            var names = string.Join(", ", Enum.GetNames(t));
            return new ApiText($"one of: {names}", $"одне з: {names}");
        }
        return t switch
        {
            null => new ApiText("a value of another kind", "значення іншого виду"),
            _ when t == typeof(string) => new ApiText("text", "текст"),
            _ when t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(byte) => new ApiText("a whole number", "ціле число"),
            _ when t == typeof(decimal) || t == typeof(double) || t == typeof(float) => new ApiText("a number", "число"),
            _ when t == typeof(bool) => new ApiText("true or false", "true або false"),
            _ when t == typeof(DateOnly) => new ApiText("a date, YYYY-MM-DD", "дата, РРРР-ММ-ДД"),
            _ when t == typeof(DateTimeOffset) || t == typeof(DateTime) =>
                new ApiText("a date and time, e.g. 2026-12-01T10:00:00+02:00", "дата й час, наприклад 2026-12-01T10:00:00+02:00"),
            _ when t == typeof(Guid) => new ApiText("an identifier (GUID)", "ідентифікатор (GUID)"),
            _ when ElementOf(t) is not null => new ApiText("a list", "список"),
            _ => new ApiText("an object", "обʼєкт"),
        };
    }

    [GeneratedRegex("""^Failed to bind parameter "(?<type>[^"]*) (?<name>[^" ]+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex BindFailed();

    [GeneratedRegex("""^Required parameter "(?<type>[^"]*) (?<name>[^" ]+)" was not provided""")]
    private static partial Regex Missing();

    /// <summary>"DecisionInput input" in a framework message → "input": the parameter's name without its C# type.</summary>
    [GeneratedRegex(@"""[^""]* (?<name>[^"" ]+)""")]
    private static partial Regex TypeName();
}
