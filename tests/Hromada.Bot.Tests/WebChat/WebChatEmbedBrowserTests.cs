using Hromada.Bot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Hromada.Bot.Tests.WebChat;

/// <summary>
/// The chat embedded with embed.js on the council's own site — another origin, allowed by the documented
/// <c>Hromada:Security:FrameAncestors</c> — in headless Chromium: it opens, the resident can answer, «Закрити» and
/// Escape (on the site or inside the chat) close it, and on a 390 px phone it takes the screen while open and gives the
/// page back when closed.
/// </summary>
public sealed class WebChatEmbedBrowserTests
{
    [BrowserFact]
    public async Task EmbeddedOnTheCouncilsSite_OpensAnswersAndCloses_ByButtonAndEscape_AndFillsAPhoneOnlyWhileOpen()
    {
        string? bot = null;
        var councilBuilder = WebApplication.CreateSlimBuilder();
        councilBuilder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var council = councilBuilder.Build();
        council.MapGet("/", () => Results.Content(
            "<!doctype html><html lang=\"uk\"><head><meta charset=\"utf-8\"><title>Зеленодільська громада</title></head><body>" +
            "<main><h1>Зеленодільська громада</h1><p><a href=\"#news\" id=\"news\">Усі новини</a></p></main>" +
            $"<script src=\"{bot}/webchat/embed.js\" defer></script></body></html>", "text/html; charset=utf-8"));
        await council.StartAsync();
        var site = council.Urls.First().TrimEnd('/');

        await using var app = new HromadaAppFactory().WithSettings(new Dictionary<string, string?>
        {
            ["Hromada:Security:FrameAncestors:0"] = "'self'",
            ["Hromada:Security:FrameAncestors:1"] = site,
        });
        app.UseKestrel(0);
        app.StartServer();
        bot = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        Assert.NotEqual(new Uri(site).Port, new Uri(bot).Port);

        var chromium = BrowserFactAttribute.ChromiumPath
            ?? throw new InvalidOperationException("HROMADA_REQUIRE_BROWSER=1 but Chromium was not found (apt-get install chromium).");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });

        // A desktop: a panel in the corner.
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        await page.GotoAsync(site + "/");
        var launcher = page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Подати пропозицію" });
        var panel = page.GetByRole(AriaRole.Dialog, new PageGetByRoleOptions { Name = "Чат для подання пропозицій" });
        var close = page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Закрити чат" });
        var chat = page.FrameLocator("iframe[title='Чат для подання пропозицій']");

        await launcher.ClickAsync();
        await Assertions.Expect(panel).ToBeVisibleAsync();
        await Assertions.Expect(launcher).ToHaveAttributeAsync("aria-expanded", "true");
        await chat.GetByRole(AriaRole.Button, new FrameLocatorGetByRoleOptions { Name = "Погоджуюся", Exact = true }).ClickAsync();
        await Assertions.Expect(chat.GetByRole(AriaRole.Log)).ToContainTextAsync("Хто подає");

        await close.ClickAsync();
        await Assertions.Expect(panel).ToBeHiddenAsync();
        await Assertions.Expect(launcher).ToBeFocusedAsync();
        await Assertions.Expect(launcher).ToHaveAttributeAsync("aria-expanded", "false");

        await launcher.ClickAsync();
        await Assertions.Expect(panel).ToBeVisibleAsync();
        await Assertions.Expect(chat.GetByRole(AriaRole.Log)).ToContainTextAsync("Хто подає"); // the same conversation
        await chat.GetByLabel("Ваше повідомлення").ClickAsync();
        await page.Keyboard.PressAsync("Escape"); // typed inside the chat, another origin
        await Assertions.Expect(panel).ToBeHiddenAsync();
        await Assertions.Expect(launcher).ToBeFocusedAsync();

        await launcher.ClickAsync();
        await close.FocusAsync();
        await page.Keyboard.PressAsync("Escape"); // on the site's side of the panel
        await Assertions.Expect(panel).ToBeHiddenAsync();

        // A phone: the open panel is the whole screen with its close button in view; closed, the page is the page again.
        await page.SetViewportSizeAsync(390, 664);
        await launcher.ClickAsync();
        await Assertions.Expect(panel).ToBeVisibleAsync();
        var box = (await panel.BoundingBoxAsync())!;
        Assert.Equal((0, 0, 390, 664), ((int)box.X, (int)box.Y, (int)Math.Round(box.Width), (int)Math.Round(box.Height)));
        await Assertions.Expect(close).ToBeInViewportAsync();
        await Assertions.Expect(launcher).ToBeHiddenAsync();
        await Assertions.Expect(chat.Locator("#hb-choices button").First).ToBeInViewportAsync();
        await close.ClickAsync();
        await Assertions.Expect(panel).ToBeHiddenAsync();
        await Assertions.Expect(launcher).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Усі новини" }).ClickAsync(new LocatorClickOptions { Timeout = 5000 });
        Assert.EndsWith("#news", page.Url, StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }
}
