using Hromada.Bot.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Hromada.Bot.Tests.WebChat;

/// <summary>What a resident using the web chat for the first time trips over, walked in headless Chromium at a phone's width.</summary>
public sealed class WebChatFirstUseBrowserTests
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 664 };

    private static async Task<(IPlaywright, IBrowser)> LaunchAsync()
    {
        var chromium = BrowserFactAttribute.ChromiumPath
            ?? throw new InvalidOperationException("HROMADA_REQUIRE_BROWSER=1 but Chromium was not found (apt-get install chromium).");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return (playwright, browser);
    }

    private static string BaseAddress(HromadaAppFactory app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

    private static async Task PressAsync(IPage page, string name) =>
        await page.Locator("#hb-choices button", new PageLocatorOptions { HasTextString = name }).First.ClickAsync();

    private static async Task TypeAsync(IPage page, string text)
    {
        await page.GetByLabel("Ваше повідомлення").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Надіслати", Exact = true }).ClickAsync();
    }

    [BrowserFact]
    public async Task Resident_TicksGroups_TypesKamianka_WritesInTwoMessages_AndSeesOneQuestionAndOneSentence()
    {
        await using var app = new HromadaAppFactory();
        app.UseKestrel(0);
        app.StartServer();
        var (playwright, browser) = await LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = Phone });
            await page.GotoAsync(BaseAddress(app) + "/");
            var log = page.GetByRole(AriaRole.Log);
            await Accessibility.AssertNoSeriousViolationsAsync(page);

            await PressAsync(page, "Погоджуюся");
            await PressAsync(page, "Фізична особа");
            var question = page.Locator(".hb-bot", new PageLocatorOptions { HasTextString = "До яких груп ви належите?" });
            await Assertions.Expect(question).ToHaveCountAsync(1);
            await PressAsync(page, "Молодь");
            await Assertions.Expect(page.Locator("#hb-choices button", new PageLocatorOptions { HasTextString = "✓ Молодь" })).ToBeVisibleAsync();
            await PressAsync(page, "Ветерани");
            await Assertions.Expect(page.Locator("#hb-choices button", new PageLocatorOptions { HasTextString = "✓ Ветерани" })).ToBeVisibleAsync();
            await Assertions.Expect(question).ToHaveCountAsync(1);
            // The short line the other chats get instead of the question is not a bubble here.
            await Assertions.Expect(page.Locator(".hb-bot", new PageLocatorOptions { HasTextString = "Позначено" })).ToHaveCountAsync(0);
            await PressAsync(page, "Готово");

            await TypeAsync(page, "камянка");
            await Assertions.Expect(log).ToContainTextAsync("Якої сфери стосується пропозиція?");
            await PressAsync(page, "Житлово-комунальне");
            await PressAsync(page, "Дороги");
            await TypeAsync(page, "Відремонтувати");
            await TypeAsync(page, "тротуар на вулиці Шевченка біля школи.");
            await PressAsync(page, "Пропустити");

            var summary = page.Locator(".hb-bot", new PageLocatorOptions { HasTextString = "Перевірте" });
            await Assertions.Expect(summary).ToContainTextAsync("с. Камʼянка");
            await Assertions.Expect(summary).ToContainTextAsync("Відремонтувати тротуар на вулиці Шевченка біля школи.");
            await Accessibility.AssertNoSeriousViolationsAsync(page);
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }

    [BrowserFact]
    public async Task OnLoad_TheFirstMessage_IsInView_NotScrolledAwayUnderTheHeader()
    {
        await using var app = new HromadaAppFactory();
        app.UseKestrel(0);
        app.StartServer();
        var (playwright, browser) = await LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = Phone });
            await page.GotoAsync(BaseAddress(app) + "/");
            var first = page.Locator(".hb-bot").First;
            await Assertions.Expect(first).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#hb-choices button").First).ToBeVisibleAsync();

            var logBox = (await page.Locator("#hb-log").BoundingBoxAsync())!;
            var firstBox = (await first.BoundingBoxAsync())!;
            Assert.True(firstBox.Y >= logBox.Y - 1, $"The first message starts at {firstBox.Y}, above the log's top {logBox.Y}: scrolled out of view.");
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }
}
