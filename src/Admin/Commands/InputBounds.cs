using System.Collections;
using System.Globalization;
using System.Reflection;

namespace Hromada.Admin.Commands;

/// <summary>
/// The bounds every admin input is held to, whatever the endpoint or page: a date outside 2000–2100 (a typo like
/// 0001-01-01 or 9999-12-31) is refused naming the field, instead of overflowing a calculation further on. Walks the
/// values an endpoint or page handler was given — query parameters, bodies, bound forms — and their nested objects.
/// </summary>
public static class InputBounds
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;
    private const int MaxDepth = 6;

    /// <summary>True when <paramref name="date"/> is within 2000-01-01 … 2100-12-31.</summary>
    public static bool InRange(DateOnly date) => date.Year is >= FirstYear and <= LastYear;

    /// <summary>
    /// Adds an error under the field for each date out of range in <paramref name="value"/> (a date, or an object holding
    /// some); values of a type <paramref name="isService"/> names (a service in an [AsParameters] bundle) are left alone.
    /// </summary>
    public static void Check(object? value, string field, FieldErrors errors, Func<Type, bool>? isService = null) =>
        Walk(value, field, errors, isService ?? (_ => false), 0);

    /// <summary>The value's own input type is walked (ours), a framework or service type never.</summary>
    public static bool IsInput(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset)
            || (t.Namespace?.StartsWith("Hromada.", StringComparison.Ordinal) == true && !t.IsEnum)
            || (t != typeof(string) && typeof(IEnumerable).IsAssignableFrom(t) && ElementType(t) is { } e && IsInput(e));
    }

    private static void Walk(object? value, string field, FieldErrors errors, Func<Type, bool> isService, int depth)
    {
        switch (value)
        {
            case null:
                return;
            case DateOnly d:
                Date(d, field, errors);
                return;
            case DateTime dt:
                Date(DateOnly.FromDateTime(dt), field, errors);
                return;
            case DateTimeOffset dto:
                Date(DateOnly.FromDateTime(dto.DateTime), field, errors);
                return;
            case string:
                return;
        }
        var type = value.GetType();
        if (depth >= MaxDepth || value is IQueryable || isService(type))
        {
            return;
        }
        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                Walk(item, $"{field}[{i++}]", errors, isService, depth + 1);
            }
            return;
        }
        if (type.Namespace?.StartsWith("Hromada.", StringComparison.Ordinal) != true || type.IsEnum || type.IsPrimitive)
        {
            return;
        }
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is null || !IsInput(property.PropertyType)
                || property.IsDefined(typeof(Microsoft.AspNetCore.Mvc.FromServicesAttribute)) || isService(property.PropertyType))
            {
                continue;
            }
            var name = JsonName(property.Name);
            Walk(property.GetValue(value), string.IsNullOrEmpty(field) ? name : $"{field}.{name}", errors, isService, depth + 1);
        }
    }

    private static void Date(DateOnly date, string field, FieldErrors errors)
    {
        if (!InRange(date))
        {
            var text = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            errors.Add(field,
                $"{text} is outside the years {FirstYear}–{LastYear}; check the date.",
                $"Дата {text} поза межами {FirstYear}–{LastYear} років; перевірте її.");
        }
    }

    private static string JsonName(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    private static Type? ElementType(Type t) =>
        t.IsArray ? t.GetElementType()
        : t.GetInterfaces().Append(t).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
}
