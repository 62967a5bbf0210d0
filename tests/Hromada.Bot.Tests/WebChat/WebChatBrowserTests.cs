using System.Text.RegularExpressions;
using Hromada.Bot.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Hromada.Bot.Tests.WebChat;

/// <summary>A resident in a real (headless) Chromium clicking through the widget served by the real host.</summary>
public sealed class WebChatBrowserTests
{
    private static async Task<(IPlaywright, IBrowser)> LaunchAsync()
    {
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
        return (playwright, browser);
    }

    private static string BaseAddress(HromadaAppFactory app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    [BrowserFact]
    public async Task Resident_ClicksThroughAWholeSubmission_AndSeesTheReferenceNumber()
    {
        await using var app = new HromadaAppFactory();
        app.UseKestrel(0);
        app.StartServer();
        var (playwright, browser) = await LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 360, Height = 740 } });
            await page.GotoAsync(BaseAddress(app) + "/");
            var log = page.GetByRole(AriaRole.Log);

            async Task Press(string name)
            {
                var button = page.Locator("#hb-choices button", new PageLocatorOptions { HasTextString = name }).First;
                await button.ClickAsync();
            }
            async Task Type(string text)
            {
                await page.GetByLabel("Ваше повідомлення").FillAsync(text);
                await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Надіслати", Exact = true }).ClickAsync();
            }

            await Press("Погоджуюся");
            await Press("Фізична особа");
            await Press("Ветерани");
            await Press("Готово");
            await Type("Пʼятихатки");
            await Press("Цивільний захист");
            await Press("Оповіщення");
            await Type("Встановити сирену в центрі села Пʼятихатки, бо сигнал тривоги там не чути.");
            await Press("Пропустити");
            await Press("Надіслати");

            await Assertions.Expect(log).ToContainTextAsync(new Regex(@"P-2026-\d{5}"));
            await Assertions.Expect(log).ToContainTextAsync("неідентифікованою");

            await page.ReloadAsync();
            await Assertions.Expect(log).ToContainTextAsync(new Regex(@"P-2026-\d{5}"));
            if (Environment.GetEnvironmentVariable("HROMADA_SCREENSHOT") is { Length: > 0 } shot)
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot });
            }
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }
}
