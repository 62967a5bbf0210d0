using Hromada.Admin.Proposals;

namespace Hromada.Admin.Web;

/// <summary>The one-line reports a finished action leaves for the next page.</summary>
internal static class WebNotes
{
    public static string Bulk(string done, BulkResult result)
    {
        var parts = new List<string> { $"{done}: {result.Done.Count}." };
        if (result.NotFound.Count > 0)
        {
            parts.Add($"Не знайдено: {string.Join(", ", result.NotFound)}.");
        }
        if (result.Conflicts.Count > 0)
        {
            parts.Add($"Не змінено, бо їх щойно змінив хтось інший (відкрийте й повторіть): {string.Join(", ", result.Conflicts)}.");
        }
        return string.Join(' ', parts);
    }
}
