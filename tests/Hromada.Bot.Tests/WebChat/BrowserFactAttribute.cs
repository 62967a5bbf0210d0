namespace Hromada.Bot.Tests.WebChat;

/// <summary>
/// A test that drives Debian's Chromium. Skipped with a reason when the browser is missing, unless
/// HROMADA_REQUIRE_BROWSER=1 (as in CI), where a missing browser fails the test instead.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (ChromiumPath is null && Environment.GetEnvironmentVariable("HROMADA_REQUIRE_BROWSER") != "1")
        {
            Skip = "Chromium is not installed (apt-get install chromium, or set HROMADA_CHROMIUM_PATH).";
        }
    }

    /// <summary>HROMADA_CHROMIUM_PATH, else Debian's /usr/bin/chromium, when the file exists.</summary>
    public static string? ChromiumPath
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("HROMADA_CHROMIUM_PATH");
            path = string.IsNullOrWhiteSpace(path) ? "/usr/bin/chromium" : path;
            return File.Exists(path) ? path : null;
        }
    }
}
