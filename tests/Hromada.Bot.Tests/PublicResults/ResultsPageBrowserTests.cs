using System.Net.Http.Json;
using Hromada.Bot.Tests.Admin;
using Hromada.Bot.Tests.AdminWeb;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Bot.Tests.WebChat;
using Microsoft.Playwright;

namespace Hromada.Bot.Tests.PublicResults;

/// <summary>The public results page in headless Chromium at a phone's 390 px and a desktop's 1280 px, checked with axe-core.</summary>
public sealed class ResultsPageBrowserTests
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    [BrowserFact]
    public async Task ResultsPage_FitsAPhoneAndADesktop_IsAccessible_AndItsFilterWorksWithoutScript()
    {
        await using var app = new HromadaAppFactory();
        await using var browser = await AdminWebBrowser.StartAsync(app);
        using var admin = AdminClient.ForAdmin(app);
        var references = new List<string>();
        foreach (var (text, sphere, settlement) in new[]
        {
            ("Відремонтувати дорогу до школи в селі Камʼянка: ями після зими небезпечні для дітей і автобуса", "infrastructure", "kamianka"),
            ("Встановити сирену оповіщення в центрі Пʼятихаток, бо сигнал тривоги не чути", "safety", "piatykhatky"),
            ("Відкрити у Зеленому Долі гурток робототехніки для підлітків при ліцеї", "social", "zelenyi-dil"),
            ("Довгеслово" + new string('а', 120) + " без пробілів, яке не має розсунути сторінку", "social", "luhove"),
        })
        {
            references.Add((await AdminSeed.SubmitAsync(app, text, sphere, settlement, receivedAt: app.Time.GetUtcNow().AddDays(-1))).Reference);
        }
        (await admin.PostAsJsonAsync($"/api/admin/proposals/{references[0]}/decision", new
        {
            outcome = "Accepted", justification = "Включено до програми на 2027 рік.", protocolNumber = "7", protocolDate = "2026-11-25",
        })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/admin/proposals/{references[1]}/decision", new
        {
            outcome = "Rejected", justification = "Сирену вже встановлено у жовтні.", protocolNumber = "7", protocolDate = "2026-11-25",
        })).EnsureSuccessStatusCode();
        foreach (var reference in references.Skip(2))
        {
            // Only decided proposals are on the public page: the hidden text and the long word must be there to be seen.
            (await admin.PostAsJsonAsync($"/api/admin/proposals/{reference}/decision", new
            {
                outcome = "PartiallyAccepted", justification = "Частково включено до програми.", protocolNumber = "7", protocolDate = "2026-11-25",
            })).EnsureSuccessStatusCode();
        }
        var receipt = (await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/admin/proposals/{references[0]}"))
            .GetProperty("proposal").GetProperty("receiptPath").GetString()!;

        // The secretary, on the working group's pages: the receipt link, hiding a text, publishing the results.
        var secretary = await browser.NewPersonAsync();
        await secretary.GotoAsync(browser.Url($"/admin/proposals/{references[2]}"));
        await AdminWebBrowser.SignInAsync(secretary, HromadaAppFactory.TestAdminKey);
        await Assertions.Expect(secretary.Locator("#receipt-link")).ToContainTextAsync("/p/" + references[2] + "-");
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Приховати текст" }).ClickAsync();
        await Assertions.Expect(secretary.GetByText("Вкажіть причину")).ToBeVisibleAsync();
        await secretary.GetByLabel("Причина (її побачать усі)").FillAsync("Текст містить персональні дані.");
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Приховати текст" }).ClickAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Status)).ToContainTextAsync("Текст приховано");
        await Assertions.Expect(secretary.GetByRole(AriaRole.Button, new() { Name = "Показати текст" })).ToBeVisibleAsync();
        await secretary.GotoAsync(browser.Url("/admin/consultations/1"));
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Оприлюднити результати" }).ClickAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Status)).ToContainTextAsync("Результати оприлюднено.");
        await Assertions.Expect(secretary.GetByRole(AriaRole.Button, new() { Name = "Зняти з оприлюднення" })).ToBeVisibleAsync();

        foreach (var (viewport, name) in new[] { (Phone, "results-390"), (AdminWebBrowser.Desktop, "results-1280") })
        {
            var page = await browser.NewPersonAsync(viewport);
            await page.GotoAsync(browser.Url("/results"));
            await page.GetByRole(AriaRole.Link).First.ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Результати:");
            await Assertions.Expect(page.GetByText("Текст не оприлюднено: Текст містить персональні дані.")).ToBeVisibleAsync();
            await AdminWebBrowser.ScreenshotAsync(page, name);
            await Accessibility.AssertNoSeriousViolationsAsync(page);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"/results/1 at {viewport.Width} px is {overflow} px wider than the screen");

            await page.GetByLabel("Рішення", new() { Exact = true }).SelectOptionAsync("Rejected");
            await page.GetByRole(AriaRole.Button, new() { Name = "Показати" }).ClickAsync();

            await Assertions.Expect(page.GetByText("Знайдено: 1")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("Сирену вже встановлено у жовтні.", new() { Exact = false })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("Включено до програми на 2027 рік.", new() { Exact = false })).ToHaveCountAsync(0);

            await page.GotoAsync(browser.Url(receipt));
            await Assertions.Expect(page.GetByText("Включено до програми на 2027 рік.")).ToBeVisibleAsync();
            await AdminWebBrowser.ScreenshotAsync(page, "receipt-" + viewport.Width);
            await Accessibility.AssertNoSeriousViolationsAsync(page);
            overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{receipt} at {viewport.Width} px is {overflow} px wider than the screen");
        }
    }
}
