using System.Text.RegularExpressions;
using Hromada.Bot.Tests.Announcements;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Bot.Tests.WebChat;
using Hromada.Core.Access;
using Hromada.Core.Announcements;
using Hromada.Core.Proposals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Hromada.Bot.Tests.AdminWeb;

/// <summary>The communications office in a real Chromium: compose, schedule by a working-day rule, see when it goes, the delivery.</summary>
public sealed class AnnouncementsBrowserTests
{
    [BrowserFact]
    public async Task Officer_SchedulesByAWorkingDayRule_SeesTheResolvedTime_AndAPastTimeIsRefusedBesideTheField()
    {
        await using var app = new HromadaAppFactory();
        await using var browser = await AdminWebBrowser.StartAsync(app);
        var key = await AdminWebSeed.KeyAsync(app, "пресслужба", AdminRole.Communications);
        var officer = await browser.NewPersonAsync();
        await officer.GotoAsync(browser.Url("/admin/sign-in"));
        await AdminWebBrowser.SignInAsync(officer, key);

        await officer.GetByRole(AriaRole.Link, new() { Name = "Нове оголошення" }).ClickAsync();
        await officer.GetByLabel("Текст").FillAsync("Робоча група розглянула пропозиції. Рішення — на сайті громади.");
        await officer.GetByLabel("стрічка новин для сайту (Atom)").CheckAsync();
        await officer.GetByLabel("Дата і час (місцевий)").FillAsync("2026-11-01T10:00");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Запланувати" }).ClickAsync();
        await Assertions.Expect(officer.Locator(".field.invalid").Filter(new() { Has = officer.GetByLabel("Дата і час (місцевий)") }))
            .ToContainTextAsync("Цей час уже минув");
        await Assertions.Expect(officer.GetByLabel("Текст")).ToHaveValueAsync("Робоча група розглянула пропозиції. Рішення — на сайті громади.");
        await AdminWebBrowser.ScreenshotAsync(officer, "15-announcement-errors");

        // Three working days after Friday 6 November: the weekend is skipped.
        await officer.GetByLabel("за правилом робочих днів").CheckAsync();
        await officer.GetByLabel("Робочих днів", new() { Exact = true }).FillAsync("3");
        await officer.GetByLabel("після чи до").SelectOptionAsync(new SelectOptionValue { Value = "After" });
        await officer.GetByLabel("Дата (засідання, ухвалення рішення…)").FillAsync("2026-11-06");
        await officer.GetByLabel("О котрій (ГГ:ХХ)").FillAsync("10:00");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Запланувати" }).ClickAsync();

        await Assertions.Expect(officer.GetByRole(AriaRole.Status))
            .ToHaveTextAsync("Заплановано на 11.11.2026 10:00 (3 робочі дні після 06.11.2026 о 10:00).");
        await Assertions.Expect(officer.Locator("dl.facts")).ToContainTextAsync("заплановано");
        await AdminWebBrowser.ScreenshotAsync(officer, "16-announcement-scheduled");

        await officer.GetByRole(AriaRole.Button, new() { Name = "Скасувати оголошення" }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Status)).ToHaveTextAsync("Оголошення скасовано: його не буде надіслано.");
        await officer.GetByRole(AriaRole.Link, new() { Name = "← До оголошень" }).ClickAsync();
        await Assertions.Expect(officer.Locator("tbody")).ToContainTextAsync("скасовано");
    }

    [BrowserFact]
    public async Task Officer_SeesWhereAnAnnouncementWasDelivered()
    {
        await using var app = new HromadaAppFactory();
        await using var browser = await AdminWebBrowser.StartAsync(app);
        var key = await AdminWebSeed.KeyAsync(app, "пресслужба", AdminRole.Communications);
        await AnnouncementsHost.AddSubscribersAsync(app, Channel.WebChat, 3);
        long id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<AnnouncementService>().CreateAsync(new AnnouncementInput(
                "Прийом пропозицій триває", "Пропозиції приймаються до 2 грудня.", ["WebChatSubscribers", "Feed"],
                app.Time.GetUtcNow().AddMinutes(30), null), "пресслужба");
            id = created.Announcement!.Id;
        }
        app.Time.Advance(TimeSpan.FromHours(1));
        await AnnouncementsHost.WaitUntilAsync(async () => await AnnouncementsHost.DbAsync(app,
            db => db.Announcements.AnyAsync(a => a.Id == id && a.Status == AnnouncementStatus.Sent)), "the announcement sent");

        var officer = await browser.NewPersonAsync();
        await officer.GotoAsync(browser.Url("/admin/announcements"));
        await AdminWebBrowser.SignInAsync(officer, key);
        await Assertions.Expect(officer.Locator("tbody tr", new() { HasText = "Прийом пропозицій триває" })).ToContainTextAsync("надіслано");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Прийом пропозицій триває" }).ClickAsync();

        var report = officer.Locator("section", new() { Has = officer.GetByRole(AriaRole.Heading, new() { Name = "Доставка" }) });
        await Assertions.Expect(report.Locator("tbody tr", new() { HasText = "підписники вебчату" })).ToContainTextAsync("3");
        await Assertions.Expect(report.Locator("tbody tr", new() { HasText = "стрічка новин" })).ToBeVisibleAsync();
        await Assertions.Expect(report.Locator("tbody tr", new() { HasText = "стрічка новин" })).ToContainTextAsync("1");
        await Assertions.Expect(officer.GetByRole(AriaRole.Button, new() { Name = "Скасувати оголошення" })).ToHaveCountAsync(0);
        // The table's scroll region takes the keyboard (axe: scrollable-region-focusable).
        await Assertions.Expect(officer.GetByRole(AriaRole.Region, new() { Name = "Доставка за адресатами" })).ToHaveAttributeAsync("tabindex", "0");
        await Accessibility.AssertNoSeriousViolationsAsync(officer);
        await AdminWebBrowser.ScreenshotAsync(officer, "17-announcement-delivery");
        Assert.Matches(new Regex($"/admin/announcements/{id}$"), officer.Url);
    }
}
