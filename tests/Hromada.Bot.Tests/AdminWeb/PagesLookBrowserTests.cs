using System.Text;
using Hromada.Bot.Tests.Admin;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Bot.Tests.WebChat;
using Hromada.Core.Access;
using Hromada.Core.Proposals;
using Microsoft.Playwright;

namespace Hromada.Bot.Tests.AdminWeb;

/// <summary>
/// Every main page at 1280 px and at a tablet's width: nothing wider than the screen, every field with a label; a
/// screenshot of each for the people who look at them.
/// </summary>
public sealed class PagesLookBrowserTests
{
    private const string FormExport =
        "\"Позначка часу\",\"Категорія автора\",\"Соціальна група\",\"Населений пункт\",\"Сфера\",\"Тема\",\"Ваша пропозиція\",\"Прізвище, імʼя, по батькові\",\"Телефон\",\"Електронна пошта\"\n" +
        "\"01.11.2026 14:03:15\",\"Фізична особа\",\"Молодь (14–35 років)\",\"с. Кам'янка\",\"Соціально-гуманітарна сфера\",\"Молодь\",\"Відкрити молодіжний простір у клубі: ремонт, меблі, інтернет.\",\"Марія Шевчук\",\"+380931234567\",\"\"\n" +
        "\"01.11.2026 9:15:00\",\"Інопланетянин\",\"\",\"Вишневе\",\"Космос\",\"\",\"Побудувати космодром\",\"\",\"\",\"\"\n";

    private static readonly ViewportSize Narrow = new() { Width = 768, Height = 1024 };

    [BrowserFact]
    public async Task ProposalsTable_At768px_SaysItGoesOnSideways_AndItsScrollRegionTakesTheKeyboard()
    {
        await using var app = new HromadaAppFactory();
        await using var browser = await AdminWebBrowser.StartAsync(app);
        await AdminSeed.SubmitAsync(app, "Відремонтувати дорогу до школи в селі Камʼянка: ями після зими", channel: Channel.Telegram);
        await AdminSeed.SubmitAsync(app, "Встановити сирену оповіщення в центрі Пʼятихаток", "safety", "piatykhatky", Channel.Messenger);
        var page = await browser.NewPersonAsync(Narrow);
        await page.GotoAsync(browser.Url("/admin/sign-in"));
        await AdminWebBrowser.SignInAsync(page, HromadaAppFactory.TestAdminKey);

        await page.GotoAsync(browser.Url("/admin/proposals"));

        var table = page.GetByRole(AriaRole.Region, new() { Name = "Таблиця пропозицій" });
        Assert.True(await table.EvaluateAsync<bool>("e => e.scrollWidth > e.clientWidth"), "the table fits at 768 px: nothing to test");
        await Assertions.Expect(page.GetByText("Таблиця ширша за екран")).ToBeVisibleAsync();
        await table.FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(table).ToBeFocusedAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await AdminWebBrowser.ScreenshotAsync(page, "03-proposals-768");
    }

    [BrowserFact]
    public async Task MainPages_FitA1280pxScreenAndATablet_AndEveryFieldHasALabel()
    {
        await using var app = new HromadaAppFactory();
        await using var browser = await AdminWebBrowser.StartAsync(app);
        var seeded = new List<string>();
        foreach (var (text, sphere, settlement, channel) in new[]
        {
            ("Відремонтувати дорогу до школи в селі Камʼянка: ями після зими", "infrastructure", "kamianka", Channel.Telegram),
            ("Ремонт дороги біля школи у Камʼянці, ями після зими небезпечні для дітей", "infrastructure", "kamianka", Channel.WebChat),
            ("Встановити сирену оповіщення в центрі Пʼятихаток, бо сигнал тривоги не чути", "safety", "piatykhatky", Channel.Messenger),
            ("Відкрити у Зеленому Долі гурток робототехніки для підлітків при ліцеї", "social", "zelenyi-dil", Channel.Paper),
            ("Облаштувати укриття в підвалі школи в Луговому: вентиляція, лавки, вода", "safety", "luhove", Channel.GoogleForm),
        })
        {
            seeded.Add((await AdminSeed.SubmitAsync(app, text, sphere, settlement, channel, receivedAt: app.Time.GetUtcNow().AddDays(-1))).Reference);
        }
        var admin = HromadaAppFactory.TestAdminKey;
        var pages = new (string Name, string Path, Func<IPage, Task>? Prepare)[]
        {
            ("02-dashboard", "/admin", null),
            ("03-proposals", "/admin/proposals", null),
            ("04-proposal", $"/admin/proposals/{seeded[0]}", null),
            ("06-bulk-decision", $"/admin/proposals/decide?r={seeded[0]}&r={seeded[1]}", null),
            ("09-consultations", "/admin/consultations", null),
            ("10-consultation", "/admin/consultations/1", null),
            ("11-intake-with-errors", "/admin/intake", async p =>
            {
                await p.GetByLabel("Телефон").FillAsync("=1+1");
                await p.GetByLabel("Текст пропозиції").FillAsync("Коротко");
                await p.GetByRole(AriaRole.Button, new() { Name = "Зареєструвати пропозицію" }).ClickAsync();
                await Assertions.Expect(p.GetByRole(AriaRole.Alert)).ToContainTextAsync("Пропозицію не зареєстровано");
            }),
            ("12-import-preview", "/admin/import", async p =>
            {
                await p.GetByLabel("Файл CSV").SetInputFilesAsync(new FilePayload { Name = "form.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(FormExport) });
                await p.GetByRole(AriaRole.Button, new() { Name = "Перевірити файл" }).ClickAsync();
                await Assertions.Expect(p.GetByRole(AriaRole.Button, new() { Name = "Імпортувати 1" })).ToBeVisibleAsync();
            }),
            ("16-new-meeting", "/admin/meetings/new", null),
            ("17-routing", "/admin/routing", null),
            ("19-review-bodies", "/admin/review-bodies", null),
            ("20-meetings", "/admin/meetings", null),
            // The test host has no SMTP server: the preview says so (an alert, hence "errors" in the name).
            ("18-letter-preview-email-off-errors", "/admin/letters", async p =>
            {
                await p.GetByLabel("Тема").FillAsync("Запрошуємо подати пропозиції до Програми відновлення");
                await p.GetByLabel("Текст листа").FillAsync("Шановні підприємці! До 2 грудня збираємо пропозиції.");
                await p.GetByLabel("Адреси e-mail (по одній у рядку, або через кому)").FillAsync("kava@example.com\napteka@example.com, kava@example.com");
                await p.GetByRole(AriaRole.Button, new() { Name = "Переглянути" }).ClickAsync();
                await Assertions.Expect(p.Locator("#preview-count")).ToContainTextAsync("Отримають лист: 2");
                await Assertions.Expect(p.GetByRole(AriaRole.Alert)).ToContainTextAsync("Електронну пошту не налаштовано");
            }),
            ("13-keys", "/admin/keys", async p =>
            {
                await p.GetByLabel("Назва (чий ключ)").FillAsync($"секретар {p.ViewportSize!.Width}");
                await p.GetByLabel("Роль").SelectOptionAsync(new SelectOptionValue { Value = nameof(AdminRole.WorkingGroup) });
                await p.GetByRole(AriaRole.Button, new() { Name = "Створити ключ" }).ClickAsync();
                await Assertions.Expect(p.Locator("#new-secret")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^hb_"));
            }),
        };

        foreach (var (viewport, suffix) in new[] { (AdminWebBrowser.Desktop, ""), (AdminWebBrowser.Tablet, "-tablet") })
        {
            var page = await browser.NewPersonAsync(viewport);
            await page.GotoAsync(browser.Url("/admin/sign-in"));
            await AdminWebBrowser.SignInAsync(page, admin);
            foreach (var (name, path, prepare) in pages)
            {
                await page.GotoAsync(browser.Url(path));
                if (prepare is not null)
                {
                    await prepare(page);
                }
                await AdminWebBrowser.ScreenshotAsync(page, name + suffix);
                if (!name.Contains("errors", StringComparison.Ordinal))
                {
                    await Assertions.Expect(page.Locator(".error, .problem, .field-validation-error")).ToHaveCountAsync(0);
                }

                var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
                Assert.True(overflow <= 0, $"{path} at {viewport.Width} px is {overflow} px wider than the screen");
                var unlabelled = await page.EvaluateAsync<string[]>("""
                    () => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
                        .filter(e => e.labels.length === 0 && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))
                        .map(e => e.outerHTML.slice(0, 120))
                    """);
                Assert.True(unlabelled.Length == 0, $"{path}: fields without a label: {string.Join(" | ", unlabelled)}");
            }
        }
    }
}
