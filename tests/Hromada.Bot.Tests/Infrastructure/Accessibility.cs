using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Hromada.Bot.Tests.Infrastructure;

/// <summary>axe-core run in the page as it stands: a serious or critical violation fails the test, naming the rule and the element.</summary>
internal static class Accessibility
{
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(bad.Count == 0, $"axe-core on {page.Url}:\n" + string.Join('\n', bad.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }
}
