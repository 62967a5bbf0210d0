using System.Collections;
using System.Globalization;
using System.Reflection;
using Hromada.Core.Text;
using Hromada.Core.Validation;

namespace Hromada.Admin.Commands;

/// <summary>
/// The bounds every admin input is held to, whatever the endpoint or page: a date outside 2000–2100 (a typo like
/// 0001-01-01 or 9999-12-31) is refused naming the field, instead of overflowing a calculation further on; a text longer
/// than its field's limit, or holding a character the chat would remove (<see cref="TextSanitiser"/>: control
/// characters but tab and line breaks, U+FFFE/U+FFFF, lone surrogates, bidirectional controls), is refused the same way
/// instead of being stored. Walks the values an endpoint or page handler was given — query parameters, bodies, bound
/// forms — and their nested objects and lists.
/// </summary>
public static class InputBounds
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    /// <summary>A text field's limit unless it says otherwise (<see cref="TextLimitAttribute"/>): the longest proposal text.</summary>
    public const int TextMaxLength = 20_000;

    /// <summary>The limit of a short field — a reason, a title, a name, a number (the field's name ends so).</summary>
    public const int ShortTextMaxLength = 2_000;

    /// <summary>What every date's problem says in English (a page tells dates from texts by it).</summary>
    public const string DateProblem = "is outside the years";

    private const int MaxDepth = 6;
    private static readonly string[] ShortFields = ["reason", "title", "name", "number"];

    /// <summary>True when <paramref name="date"/> is within 2000-01-01 … 2100-12-31.</summary>
    public static bool InRange(DateOnly date) => date.Year is >= FirstYear and <= LastYear;

    /// <summary>
    /// Adds an error under the field for each date out of range in <paramref name="value"/> (a date, or an object holding
    /// some); values of a type <paramref name="isService"/> names (a service in an [AsParameters] bundle) are left alone.
    /// </summary>
    public static void Check(object? value, string field, FieldErrors errors, Func<Type, bool>? isService = null, int? maxLength = null) =>
        Walk(value, field, errors, isService ?? (_ => false), 0, maxLength);

    /// <summary>The longest text <paramref name="field"/> takes when its property names no limit of its own.</summary>
    public static int MaxLengthOf(string field)
    {
        var name = field[(field.LastIndexOf('.') + 1)..];
        var index = name.IndexOf('[', StringComparison.Ordinal);
        name = index >= 0 ? name[..index] : name;
        return Array.Exists(ShortFields, s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase)) ? ShortTextMaxLength : TextMaxLength;
    }

    /// <summary>The value's own input type is walked (ours), a framework or service type never.</summary>
    public static bool IsInput(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(string)
            || (t.Namespace?.StartsWith("Hromada.", StringComparison.Ordinal) == true && !t.IsEnum)
            || (t != typeof(string) && typeof(IEnumerable).IsAssignableFrom(t) && ElementType(t) is { } e && IsInput(e));
    }

    /// <summary>True for a value named by its parameter (a date, a text, a list of texts), false for an object of fields.</summary>
    public static bool IsNamedByItself(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(string)
            || (typeof(IEnumerable).IsAssignableFrom(t) && ElementType(t) is { } e && IsNamedByItself(e));
    }

    private static void Walk(object? value, string field, FieldErrors errors, Func<Type, bool> isService, int depth, int? maxLength)
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
            case string text:
                Text(text, field, maxLength ?? MaxLengthOf(field), errors);
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
                Walk(item, $"{field}[{i++}]", errors, isService, depth + 1, maxLength);
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
                || property.IsDefined(typeof(Microsoft.AspNetCore.Mvc.FromServicesAttribute)) || isService(property.PropertyType)
                || property.IsDefined(typeof(ResidentTextAttribute)))
            {
                continue;
            }
            var name = JsonName(property.Name);
            Walk(property.GetValue(value), string.IsNullOrEmpty(field) ? name : $"{field}.{name}", errors, isService, depth + 1,
                DeclaredMaxLength(property));
        }
    }

    private static void Date(DateOnly date, string field, FieldErrors errors)
    {
        if (!InRange(date))
        {
            var text = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            errors.Add(field,
                $"{text} {DateProblem} {FirstYear}–{LastYear}; check the date.",
                $"Дата {text} поза межами {FirstYear}–{LastYear} років; перевірте її.");
        }
    }

    /// <summary>The limit a property declares with <see cref="TextLimitAttribute"/>, if any.</summary>
    public static int? DeclaredMaxLength(MemberInfo member) => member.GetCustomAttribute<TextLimitAttribute>()?.MaxLength;

    private static void Text(string text, string field, int maxLength, FieldErrors errors)
    {
        if (text.Length > maxLength)
        {
            errors.Add(field,
                $"The text may be at most {maxLength} characters long; this one has {text.Length}.",
                $"Текст — не довше {maxLength} символів; тут {text.Length}.");
        }
        else if (TextSanitiser.IndexOfRemoved(text) is >= 0 and var at)
        {
            var code = ((int)text[at]).ToString("X4", CultureInfo.InvariantCulture);
            errors.Add(field,
                $"The text holds an invisible control character (U+{code}) at position {at + 1}; remove it.",
                $"Текст містить невидимий керівний символ (U+{code}) на позиції {at + 1}; вилучіть його.");
        }
    }

    private static string JsonName(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    private static Type? ElementType(Type t) =>
        t.IsArray ? t.GetElementType()
        : t.GetInterfaces().Append(t).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
}
