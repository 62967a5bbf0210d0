using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Hromada.Admin.Web;

/// <summary>Links that keep the page's query string (its filters) and change only some keys.</summary>
internal static class WebQuery
{
    /// <summary><paramref name="path"/> with the current query, <paramref name="changes"/> applied (a null value removes the key).</summary>
    public static string With(HttpRequest request, string path, params (string Key, string? Value)[] changes)
    {
        var values = request.Query
            .Where(kv => kv.Key is not "handler" && !changes.Any(c => string.Equals(c.Key, kv.Key, StringComparison.OrdinalIgnoreCase)))
            .SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string?>(kv.Key, v)))
            .Where(kv => !string.IsNullOrEmpty(kv.Value))
            .ToList();
        values.AddRange(changes.Where(c => !string.IsNullOrEmpty(c.Value)).Select(c => new KeyValuePair<string, string?>(c.Key, c.Value)));
        return QueryHelpers.AddQueryString(path, values);
    }
}
