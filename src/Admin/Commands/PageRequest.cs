using Hromada.Core.Validation;

namespace Hromada.Admin.Commands;

/// <summary>One page of a list: its items, how many there are in all, and which page of what size this is.</summary>
public sealed record PageDto<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

/// <summary>
/// Which page of a list a request asks for, checked the same way for every list: pages from 1, a page size from 1 to
/// the list's maximum, and no page so far that the rows to skip would not fit the database's integer (the query
/// would wrap round to the first page).
/// </summary>
public readonly record struct PageRequest(int Page, int PageSize)
{
    public int Skip => (Page - 1) * PageSize;

    /// <summary>The page asked for, or null with the problems added to <paramref name="errors"/> (<paramref name="items"/>: what the list holds, in Ukrainian genitive plural).</summary>
    public static PageRequest? Read(int? page, int? pageSize, int defaultSize, int maxSize, string items, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var p = page ?? 1;
        var size = pageSize ?? defaultSize;
        var before = errors.All.Count;
        if (p < 1)
        {
            errors.Add("page", "page starts at 1.", "Сторінки нумеруються з 1.");
        }
        if (size < 1 || size > maxSize)
        {
            errors.Add("pageSize", $"pageSize must be between 1 and {maxSize}.", $"На сторінці — від 1 до {maxSize} {items}.");
        }
        else if (p >= 1 && (long)(p - 1) * size > int.MaxValue)
        {
            var last = int.MaxValue / size + 1;
            errors.Add("page", $"page must be at most {last} with pageSize {size}.", $"Такої сторінки немає: найбільший номер — {last}.");
        }
        return errors.All.Count > before ? null : new PageRequest(p, size);
    }
}
