using System.Text.RegularExpressions;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Bot.Tests.WebChat;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Hromada.Bot.Tests.AdminWeb;

/// <summary>
/// Headless Chromium against the real host on a real port, for the working group's pages: people sign in with their
/// own key in their own browser context. Screenshots go to <c>screenshots/</c> beside the test binaries and, when
/// HROMADA_SCREENSHOTS names a folder, there too.
/// </summary>
internal sealed class AdminWebBrowser : IAsyncDisposable
{
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };
    public static readonly ViewportSize Tablet = new() { Width = 820, Height = 1180 };

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private AdminWebBrowser(IPlaywright playwright, IBrowser browser, string baseAddress)
    {
        _playwright = playwright;
        _browser = browser;
        BaseAddress = baseAddress.TrimEnd('/');
    }

    public string BaseAddress { get; }

    public static async Task<AdminWebBrowser> StartAsync(HromadaAppFactory app)
    {
        app.UseKestrel(0);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var chromium = BrowserFactAttribute.ChromiumPath
            ?? throw new InvalidOperationException("HROMADA_REQUIRE_BROWSER=1 but Chromium was not found (apt-get install chromium).");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
        return new AdminWebBrowser(playwright, browser, address);
    }

    /// <summary>A person's own browser (cookies of their own), at <paramref name="viewport"/>; confirmations are accepted.</summary>
    public async Task<IPage> NewPersonAsync(ViewportSize? viewport = null)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = viewport ?? Desktop,
            Locale = "uk-UA",
            AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        return page;
    }

    public string Url(string path) => BaseAddress + path;

    /// <summary>Signs in with <paramref name="key"/> from wherever the page is sent to sign in.</summary>
    public static async Task SignInAsync(IPage page, string key)
    {
        await page.GetByLabel("Ключ доступу").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Увійти" }).ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("/admin/sign-in"));
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folders = new List<string> { Path.Combine(AppContext.BaseDirectory, "screenshots") };
        if (Environment.GetEnvironmentVariable("HROMADA_SCREENSHOTS") is { Length: > 0 } extra)
        {
            folders.Add(extra);
        }
        foreach (var folder in folders)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}
