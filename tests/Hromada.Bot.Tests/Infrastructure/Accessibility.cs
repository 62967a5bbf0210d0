using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Hromada.Bot.Tests.Infrastructure;

/// <summary>axe-core run in the page as it stands: a serious or critical violation fails the test, naming the rule and the element.</summary>
internal static class Accessibility
{
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var found = await SeriousViolationsAsync(page);
        Assert.True(found is null, found);
    }

    /// <summary>The serious and critical violations on the page as it stands, one line each, or null when there is none.</summary>
    public static async Task<string?> SeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        return bad.Count == 0 ? null : $"axe-core on {page.Url}:\n" + string.Join('\n', bad.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Select(n => n.Target?.ToString()))}"));
    }
}
