using Hromada.Bot.Tests.Admin;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Bot.Tests.WebChat;
using Hromada.Core.Access;
using Hromada.Core.Announcements;
using Hromada.Core.Proposals;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Hromada.Bot.Tests.AdminWeb;

/// <summary>
/// axe-core on every page of /admin (every Razor page route the host maps, so a new page without a visit here fails),
/// signed out and signed in, on a laptop and a tablet, and on the forms' error states: no serious or critical violation.
/// </summary>
public sealed class AdminPagesAxeBrowserTests
{
    [BrowserFact]
    public async Task EveryAdminPage_AndItsErrorStates_HasNoSeriousAccessibilityViolation()
    {
        await using var app = new HromadaAppFactory();
        await using var browser = await AdminWebBrowser.StartAsync(app);
        var road = await AdminSeed.SubmitAsync(app, "Відремонтувати дорогу до школи в селі Камʼянка: ями після зими", channel: Channel.Telegram,
            receivedAt: app.Time.GetUtcNow().AddDays(-1));
        var siren = await AdminSeed.SubmitAsync(app, "Встановити сирену оповіщення в центрі Пʼятихаток", "safety", "piatykhatky", Channel.Messenger);
        var consultation = await AdminWebSeed.ConsultationIdAsync(app);
        long announcement;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<AnnouncementService>().CreateAsync(new AnnouncementInput(
                "Прийом пропозицій триває", "Пропозиції приймаються до 2 грудня.", ["WebChatSubscribers", "Feed"],
                app.Time.GetUtcNow().AddDays(1), null), "пресслужба");
            announcement = created.Announcement!.Id;
        }

        // Every page is checked before the test fails, so one run lists everything to fix.
        var found = new List<string>();
        async Task CheckAsync(IPage page, string viewport)
        {
            if (await Accessibility.SeriousViolationsAsync(page) is { } violations)
            {
                found.Add($"{viewport}: {violations}");
            }
        }

        var person = await browser.NewPersonAsync();
        await person.GotoAsync(browser.Url("/admin/sign-in"));
        await CheckAsync(person, "signed out");
        await person.GetByLabel("Ключ доступу").FillAsync("hb_not-a-key");
        await person.GetByRole(AriaRole.Button, new() { Name = "Увійти" }).ClickAsync();
        await Assertions.Expect(person.Locator(".error, .problem, [role=alert]").First).ToBeVisibleAsync();
        await CheckAsync(person, "wrong key");
        await AdminWebBrowser.SignInAsync(person, HromadaAppFactory.TestAdminKey);

        // A meeting to open: recorded through its own form as the draft offers it.
        await person.GotoAsync(browser.Url("/admin/meetings/new"));
        await person.GetByRole(AriaRole.Button, new() { Name = "Записати засідання" }).ClickAsync();
        await Assertions.Expect(person.GetByRole(AriaRole.Status)).ToHaveTextAsync("Засідання записано.");
        var meeting = new Uri(person.Url).AbsolutePath;

        var visits = new (string Route, string Path, Func<IPage, Task>? Prepare)[]
        {
            ("/admin", "/admin", null),
            ("/admin/proposals", "/admin/proposals", null),
            ("/admin/proposals/{reference}", $"/admin/proposals/{road.Reference}", null),
            ("/admin/proposals/decide", $"/admin/proposals/decide?r={road.Reference}&r={siren.Reference}", null),
            ("/admin/intake", "/admin/intake", null),
            ("/admin/intake", "/admin/intake", async p =>
            {
                await p.GetByLabel("Телефон").FillAsync("=1+1");
                await p.GetByLabel("Текст пропозиції").FillAsync("Коротко");
                await p.GetByRole(AriaRole.Button, new() { Name = "Зареєструвати пропозицію" }).ClickAsync();
                await Assertions.Expect(p.GetByRole(AriaRole.Alert)).ToContainTextAsync("Пропозицію не зареєстровано");
            }),
            ("/admin/import", "/admin/import", null),
            ("/admin/routing", "/admin/routing", null),
            ("/admin/review-bodies", "/admin/review-bodies", null),
            ("/admin/consultations", "/admin/consultations", null),
            ("/admin/consultations/new", "/admin/consultations/new", null),
            ("/admin/consultations/{id:int}", $"/admin/consultations/{consultation}", null),
            ("/admin/consultations/{id:int}/templates", $"/admin/consultations/{consultation}/templates", null),
            ("/admin/meetings", "/admin/meetings", null),
            ("/admin/meetings/new", "/admin/meetings/new", null),
            ("/admin/meetings/{id:int}", meeting, null),
            ("/admin/announcements", "/admin/announcements", null),
            ("/admin/announcements/new", "/admin/announcements/new", null),
            ("/admin/announcements/new", "/admin/announcements/new", async p =>
            {
                await p.GetByRole(AriaRole.Button, new() { Name = "Запланувати" }).ClickAsync();
                await Assertions.Expect(p.Locator(".field.invalid").First).ToBeVisibleAsync();
            }),
            ("/admin/announcements/{id:long}", $"/admin/announcements/{announcement}", null),
            ("/admin/letters", "/admin/letters", null),
            ("/admin/keys", "/admin/keys", null),
            ("/admin/audit", "/admin/audit", null),
            ("/admin/audit", "/admin/audit?area=Consultation", null),
            ("/admin/forbidden", "/admin/forbidden", null),
            ("/admin/{**rest}", "/admin/no-such-page", null),
            ("/admin/sign-in", "/admin/sign-in", null),
        };

        var pages = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null && e.RoutePattern.RawText!.TrimStart('/').StartsWith("admin", StringComparison.Ordinal))
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).ToHashSet();
        var visited = visits.Select(v => v.Route).Append("/admin/sign-out").ToHashSet();
        Assert.Empty(pages.Except(visited));

        foreach (var viewport in new[] { AdminWebBrowser.Desktop, AdminWebBrowser.Tablet })
        {
            await person.SetViewportSizeAsync(viewport.Width, viewport.Height);
            foreach (var (_, path, prepare) in visits)
            {
                await person.GotoAsync(browser.Url(path));
                if (prepare is not null)
                {
                    await prepare(person);
                }
                await CheckAsync(person, $"{viewport.Width} px");
            }
        }

        // What the other roles see on their own first page.
        foreach (var (name, role, body) in new[] { ("пресслужба", AdminRole.Communications, (string?)null), ("підгрупа ЖКГ", AdminRole.Reviewer, "sg-infrastructure") })
        {
            var someone = await browser.NewPersonAsync();
            await someone.GotoAsync(browser.Url("/admin/sign-in"));
            await AdminWebBrowser.SignInAsync(someone, await AdminWebSeed.KeyAsync(app, name, role, body));
            await CheckAsync(someone, role.ToString());
            await someone.GotoAsync(browser.Url("/admin/keys"));
            await CheckAsync(someone, role.ToString());
        }

        await person.GotoAsync(browser.Url("/admin"));
        await person.GetByRole(AriaRole.Button, new() { Name = "Вийти" }).ClickAsync();
        await Assertions.Expect(person).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/sign-out$"));
        await CheckAsync(person, "signed out");
        Assert.True(found.Count == 0, string.Join("\n\n", found));
    }
}
