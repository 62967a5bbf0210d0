using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Hromada.Bot.Tests.Admin;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Bot.Tests.WebChat;
using Hromada.Core.Access;
using Hromada.Core.Outbox;
using Hromada.Core.Proposals;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Hromada.Bot.Tests.AdminWeb;

/// <summary>The secretary's day in a real Chromium, from signing in to the export, with a review body's position in between.</summary>
public sealed class SecretaryDayBrowserTests
{
    private const string TemplateText = "Пропозицію враховано частково: ремонт дороги включено до програми, решту — у наступному році.";

    [BrowserFact]
    public async Task Secretary_FiltersClassifiesRoutesAndDecidesWithATemplate_TheReviewerGivesItsPosition_TheAuthorIsNotified_AndTheExportHasIt()
    {
        var telegram = new FakeChannelSender(Channel.Telegram);
        await using var app = new HromadaAppFactory().WithServices(s => s.AddSingleton<IChannelSender>(telegram));
        await using var browser = await AdminWebBrowser.StartAsync(app);
        var road = await AdminSeed.SubmitAsync(app, "Відремонтувати дорогу до школи в селі Камʼянка: ями <глибокі> & небезпечні",
            channel: Channel.Telegram, residentId: "4242");
        var siren = await AdminSeed.SubmitAsync(app, "Встановити сирену оповіщення в центрі Пʼятихаток, бо сигнал не чути", sphere: "safety",
            settlement: "piatykhatky");
        var secretaryKey = await AdminWebSeed.KeyAsync(app, "секретар", AdminRole.WorkingGroup);
        var reviewerKey = await AdminWebSeed.KeyAsync(app, "підгрупа ЖКГ", AdminRole.Reviewer, "sg-infrastructure");
        var consultation = await AdminWebSeed.ConsultationIdAsync(app);

        // Signing in: the page asks for the key and then shows the overview.
        var secretary = await browser.NewPersonAsync();
        await secretary.GotoAsync(browser.Url("/admin"));
        await Assertions.Expect(secretary).ToHaveURLAsync(new Regex("/admin/sign-in"));
        await AdminWebBrowser.ScreenshotAsync(secretary, "01-sign-in");
        await AdminWebBrowser.SignInAsync(secretary, secretaryKey);
        await Assertions.Expect(secretary.GetByRole(AriaRole.Heading, new() { Name = "Огляд" })).ToBeVisibleAsync();
        await Assertions.Expect(secretary.Locator(".figure").First).ToContainTextAsync("2");

        // Filtering the list by sphere leaves only the road.
        await secretary.GetByRole(AriaRole.Link, new() { Name = "Пропозиції", Exact = true }).ClickAsync();
        await secretary.GetByText("Більше умов").ClickAsync();
        await secretary.GetByLabel("Сфера", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = "infrastructure" });
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Показати" }).ClickAsync();
        var rows = secretary.Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync(road.Reference);
        await Assertions.Expect(secretary.Locator("tbody")).Not.ToContainTextAsync(siren.Reference);

        // The proposal's page shows the resident's words as they wrote them, never as markup.
        await secretary.GetByRole(AriaRole.Link, new() { Name = road.Reference }).ClickAsync();
        await Assertions.Expect(secretary.Locator("p.text").First).ToHaveTextAsync("Відремонтувати дорогу до школи в селі Камʼянка: ями <глибокі> & небезпечні");

        // Classify: the topic the resident did not give.
        await secretary.GetByLabel("Тема", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = "roads" });
        await secretary.GetByLabel("Чому змінюється").FillAsync("Пропозиція про ремонт дороги");
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Змінити класифікацію" }).ClickAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Status)).ToHaveTextAsync("Класифікацію змінено.");
        await Assertions.Expect(secretary.Locator("dl.facts").First).ToContainTextAsync("Дороги і тротуари");

        // Route to the subgroup with a due date.
        await secretary.GetByLabel(new Regex("Підгрупа з питань ЖКГ")).CheckAsync();
        await secretary.GetByLabel("Строк надання позиції").FillAsync("2026-11-09");
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Передати на розгляд", Exact = true }).ClickAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Status)).ToHaveTextAsync("Передано на розгляд.");
        await Assertions.Expect(secretary.Locator("#route")).ToContainTextAsync("Строк позиції: 09.11.2026");

        // An answer template for the consultation.
        await secretary.GotoAsync(browser.Url($"/admin/consultations/{consultation}/templates"));
        await secretary.GetByLabel("Назва шаблону").FillAsync("Враховано частково: дороги");
        await secretary.GetByLabel("Підходить для рішення").SelectOptionAsync(new SelectOptionValue { Value = "PartiallyAccepted" });
        await secretary.GetByLabel("Текст обґрунтування").FillAsync(TemplateText);
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Додати шаблон" }).ClickAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Status)).ToHaveTextAsync("Шаблон додано.");
        await AdminWebBrowser.ScreenshotAsync(secretary, "07-templates");

        // The subgroup signs in from the link it was given, lands on the proposal and records its position.
        var reviewer = await browser.NewPersonAsync(AdminWebBrowser.Tablet);
        await reviewer.GotoAsync(browser.Url($"/admin/proposals/{road.Reference}"));
        await AdminWebBrowser.SignInAsync(reviewer, reviewerKey);
        await Assertions.Expect(reviewer).ToHaveURLAsync(new Regex($"/admin/proposals/{road.Reference}$"));
        // Its overview counts what waits for its own position, and the header names the subgroup, not the working group.
        await reviewer.GotoAsync(browser.Url("/admin"));
        await Assertions.Expect(reviewer.Locator("a.figure", new() { HasText = "чекають вашої позиції" })).ToHaveTextAsync(new Regex(@"^\s*1\s*чекають вашої позиції\s*$"));
        await Assertions.Expect(reviewer.Locator(".brand-sub")).ToHaveTextAsync("Підгрупа з питань ЖКГ, будівництва, доріг, транспорту і звʼязку");
        await reviewer.GotoAsync(browser.Url($"/admin/proposals/{road.Reference}"));
        await reviewer.GetByLabel("підтримати частково", new() { Exact = true }).CheckAsync();
        await reviewer.GetByLabel("Обґрунтування позиції").FillAsync("Ремонт можливий у 2027 році за кошти дорожнього фонду.");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Записати позицію" }).ClickAsync();
        await Assertions.Expect(reviewer.GetByRole(AriaRole.Status)).ToHaveTextAsync("Позицію записано.");
        await Assertions.Expect(reviewer.Locator("#route")).ToContainTextAsync("Позиція: підтримати частково");
        await AdminWebBrowser.ScreenshotAsync(reviewer, "08-reviewer-proposal-tablet");
        // Another body's proposal does not exist for the subgroup.
        await reviewer.GotoAsync(browser.Url($"/admin/proposals/{siren.Reference}"));
        await Assertions.Expect(reviewer.GetByRole(AriaRole.Heading, new() { Name = "Не знайдено" })).ToBeVisibleAsync();
        await Assertions.Expect(reviewer.Locator("main")).Not.ToContainTextAsync("сирену");

        // Decide with the template: it fills the justification and the outcome.
        await secretary.GotoAsync(browser.Url($"/admin/proposals/{road.Reference}"));
        await Assertions.Expect(secretary.Locator("#route")).ToContainTextAsync("Позиція: підтримати частково");
        await secretary.GetByLabel("Шаблон обґрунтування").SelectOptionAsync(new SelectOptionValue { Label = "Враховано частково: дороги" });
        await Assertions.Expect(secretary.GetByLabel("Обґрунтування", new() { Exact = true })).ToHaveValueAsync(TemplateText);
        await Assertions.Expect(secretary.GetByLabel("Врахувати частково")).ToBeCheckedAsync();
        await secretary.GetByLabel("Номер протоколу").FillAsync("12");
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Записати рішення" }).ClickAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Status)).ToContainTextAsync("Рішення записано");

        // The author is told in Telegram, and the page says the notice was delivered.
        var (recipient, notice) = await Eventually.GetAsync(() => telegram.Sent.ToArray(), s => s.Length > 0, "the decision notice").ContinueWith(t => t.Result[0]);
        Assert.Equal("4242", recipient);
        Assert.Contains("ремонт дороги включено до програми", notice, StringComparison.Ordinal);
        await app.Services.GetRequiredService<OutboxDispatcher>().FlushAsync();
        await secretary.ReloadAsync();
        await Assertions.Expect(secretary.Locator("#notices")).ToContainTextAsync("доставлено");
        await Assertions.Expect(secretary.Locator("#decide")).ToContainTextAsync("протокол № 12 від 02.11.2026");
        await AdminWebBrowser.ScreenshotAsync(secretary, "05-proposal-decided");

        // Deciding several at once: the one already decided is named above the form, with its decision, and left out of it.
        await secretary.GotoAsync(browser.Url($"/admin/proposals/decide?r={road.Reference}&r={siren.Reference}"));
        await Assertions.Expect(secretary.Locator("main")).ToContainTextAsync("вже мають рішення, тут їх пропущено");
        await Assertions.Expect(secretary.Locator("main")).ToContainTextAsync($"{road.Reference} — Враховано частково, протокол № 12 від 02.11.2026");
        await Assertions.Expect(secretary.GetByRole(AriaRole.Button, new() { Name = "Записати рішення (1)" })).ToBeVisibleAsync();

        // Export XLSX from the list: the workbook carries the decision.
        await secretary.GotoAsync(browser.Url("/admin/proposals"));
        var download = await secretary.RunAndWaitForDownloadAsync(() =>
            secretary.GetByRole(AriaRole.Link, new() { Name = "Excel (XLSX)" }).ClickAsync());
        var file = Path.Combine(app.Folder, "export.xlsx");
        await download.SaveAsAsync(file);
        using (var workbook = SpreadsheetDocument.Open(file, false))
        {
            var text = string.Concat(workbook.WorkbookPart!.WorksheetParts.Select(w => w.Worksheet!.InnerText));
            Assert.Contains(road.Reference, text, StringComparison.Ordinal);
            Assert.Contains("Враховано частково", text, StringComparison.Ordinal);
            Assert.Contains(TemplateText, text, StringComparison.Ordinal);
        }

        // Signing out ends the session: the overview asks for the key again.
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Вийти" }).ClickAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Heading, new() { Name = "Ви вийшли" })).ToBeVisibleAsync();
        await secretary.GotoAsync(browser.Url("/admin/proposals"));
        await Assertions.Expect(secretary).ToHaveURLAsync(new Regex("/admin/sign-in"));
        await Assertions.Expect(secretary.GetByLabel("Ключ доступу")).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task CommunicationsOfficer_CannotOpenProposals_NorSeeThemInTheMenu()
    {
        await using var app = new HromadaAppFactory();
        await using var browser = await AdminWebBrowser.StartAsync(app);
        var p = await AdminSeed.SubmitAsync(app);
        var key = await AdminWebSeed.KeyAsync(app, "пресслужба", AdminRole.Communications);
        var officer = await browser.NewPersonAsync();

        await officer.GotoAsync(browser.Url("/admin/sign-in"));
        await AdminWebBrowser.SignInAsync(officer, key);

        await Assertions.Expect(officer).ToHaveURLAsync(new Regex("/admin/announcements$"));
        await Assertions.Expect(officer.GetByRole(AriaRole.Navigation)).Not.ToContainTextAsync("Пропозиції");
        foreach (var path in new[] { "/admin/proposals", $"/admin/proposals/{p.Reference}", "/admin", "/admin/exports/proposals.xlsx" })
        {
            await officer.GotoAsync(browser.Url(path));
            await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Name = "Немає доступу" })).ToBeVisibleAsync();
            await Assertions.Expect(officer.Locator("main")).Not.ToContainTextAsync(p.Reference);
        }
    }

    [BrowserFact]
    public async Task AFormPostedWithoutItsAntiforgeryToken_IsRefused_AndChangesNothing()
    {
        await using var app = new HromadaAppFactory();
        await using var browser = await AdminWebBrowser.StartAsync(app);
        var p = await AdminSeed.SubmitAsync(app);
        var key = await AdminWebSeed.KeyAsync(app, "секретар", AdminRole.WorkingGroup);
        var secretary = await browser.NewPersonAsync();
        await secretary.GotoAsync(browser.Url($"/admin/proposals/{p.Reference}"));
        await AdminWebBrowser.SignInAsync(secretary, key);

        // The same decision form, built by a script without the token the page puts in it (the session cookie is sent).
        await secretary.EvaluateAsync("""
            reference => {
                const form = document.createElement('form');
                form.method = 'post';
                form.action = '/admin/proposals/' + reference + '?handler=Decide';
                for (const [name, value] of [['Decision.Outcome', 'Rejected'], ['Decision.Justification', 'Підроблене рішення'],
                                             ['Decision.ProtocolNumber', '666'], ['Decision.ProtocolDate', '2026-11-02']]) {
                    const input = document.createElement('input');
                    input.type = 'hidden'; input.name = name; input.value = value;
                    form.appendChild(input);
                }
                document.body.appendChild(form);
                form.submit();
            }
            """, p.Reference);

        await Assertions.Expect(secretary.GetByRole(AriaRole.Heading, new() { Name = "Форму не прийнято" })).ToBeVisibleAsync();
        Assert.Null((await AdminWebSeed.ProposalAsync(app, p.Reference)).Outcome);
    }

    [BrowserFact]
    public async Task AnExpiredSession_SendsTheSecretaryToSignIn_AndThenBackToThePageTheyWereOn()
    {
        await using var app = new HromadaAppFactory();
        await using var browser = await AdminWebBrowser.StartAsync(app);
        var p = await AdminSeed.SubmitAsync(app);
        var key = await AdminWebSeed.KeyAsync(app, "секретар", AdminRole.WorkingGroup);
        var secretary = await browser.NewPersonAsync();
        await secretary.GotoAsync(browser.Url("/admin"));
        await AdminWebBrowser.SignInAsync(secretary, key);

        app.Time.Advance(TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1));
        await secretary.GotoAsync(browser.Url($"/admin/proposals/{p.Reference}"));

        await Assertions.Expect(secretary).ToHaveURLAsync(new Regex("/admin/sign-in"));
        await Assertions.Expect(secretary.GetByRole(AriaRole.Status)).ToContainTextAsync("після входу відкриється сторінка");
        await AdminWebBrowser.SignInAsync(secretary, key);
        await Assertions.Expect(secretary).ToHaveURLAsync(new Regex($"/admin/proposals/{p.Reference}$"));
        await Assertions.Expect(secretary.GetByRole(AriaRole.Heading, new() { Name = p.Reference })).ToBeVisibleAsync();
    }
}
