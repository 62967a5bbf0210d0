using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Hromada.Bot.Tests.Admin;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Bot.Tests.WebChat;
using Hromada.Core.Access;
using Microsoft.Playwright;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Hromada.Bot.Tests.AdminWeb;

/// <summary>The secretary's meeting in a real Chromium: recorded, a proposal decided at it, the protocol downloaded; and routing by sphere.</summary>
public sealed class MeetingsBrowserTests
{
    [BrowserFact]
    public async Task Secretary_RecordsAMeeting_DecidesAProposalAtIt_AndDownloadsTheProtocolWithAttendanceVotesAndTheDecision()
    {
        await using var app = new HromadaAppFactory();
        await using var browser = await AdminWebBrowser.StartAsync(app);
        var road = await AdminSeed.SubmitAsync(app, "Відремонтувати дорогу до школи в селі Камʼянка");
        var key = await AdminWebSeed.KeyAsync(app, "секретар", AdminRole.WorkingGroup);
        var secretary = await browser.NewPersonAsync();
        await secretary.GotoAsync(browser.Url("/admin/meetings"));
        await AdminWebBrowser.SignInAsync(secretary, key);

        // The form starts from the working group's settings: the next number, the members all present, the two fixed questions.
        await secretary.GetByRole(AriaRole.Link, new() { Name = "Записати засідання" }).ClickAsync();
        await Assertions.Expect(secretary.GetByLabel("Номер протоколу")).ToHaveValueAsync("1");
        await Assertions.Expect(secretary.GetByLabel("Питання 1", new() { Exact = true })).ToHaveValueAsync("Про достатність і репрезентативність пропозицій, що надійшли");
        var members = (await secretary.GetByLabel("Присутні члени робочої групи").InputValueAsync()).Split('\n');
        Assert.Equal(9, members.Length);
        await secretary.GetByLabel("Присутні члени робочої групи").FillAsync(string.Join('\n', members.Take(7)));
        await secretary.GetByLabel("Відсутні члени робочої групи").FillAsync(string.Join('\n', members.Skip(7)));
        await secretary.GetByLabel("Запрошені").FillAsync("Петренко Юрій Васильович — староста Камʼянського старостинського округу");
        await secretary.GetByLabel("Слухали (питання 1)").FillAsync("Мельник І. В. — про пропозиції, що надійшли, та їх представленість");
        await secretary.GetByLabel("«За» (питання 1)").FillAsync("7");
        await secretary.GetByLabel("«За» (питання 2)").FillAsync("6");
        await secretary.GetByLabel("«Проти» (питання 2)").FillAsync("2");
        await secretary.GetByLabel("пропозицій достатньо").CheckAsync();
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Записати засідання" }).ClickAsync();

        // Eight votes with seven present: refused beside the question, and what was typed stays.
        await Assertions.Expect(secretary.Locator(".error")).ToHaveTextAsync("Разом 8 голосів — більше, ніж присутніх членів (7).");
        await Assertions.Expect(secretary.GetByLabel("Слухали (питання 1)")).ToHaveValueAsync("Мельник І. В. — про пропозиції, що надійшли, та їх представленість");
        await secretary.GetByLabel("«Проти» (питання 2)").FillAsync("1");
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Записати засідання" }).ClickAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Status)).ToHaveTextAsync("Засідання записано.");
        await Assertions.Expect(secretary.Locator("#protocol-title + p")).ToContainTextAsync("Присутні 7 з 9 членів робочої групи");
        var meetingUrl = secretary.Url;
        await AdminWebBrowser.ScreenshotAsync(secretary, "14-meeting");

        // The decision on the proposal names the meeting; its protocol number and date come from it.
        await secretary.GotoAsync(browser.Url($"/admin/proposals/{road.Reference}"));
        await secretary.GetByLabel("Засідання робочої групи (номер і дата протоколу беруться з нього)")
            .SelectOptionAsync(new SelectOptionValue { Label = "протокол № 1 від 02.11.2026" });
        await secretary.GetByLabel("Врахувати", new() { Exact = true }).CheckAsync();
        await secretary.GetByLabel("Обґрунтування", new() { Exact = true }).FillAsync("Ремонт дороги включено до програми на 2027 рік.");
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Записати рішення" }).ClickAsync();
        await Assertions.Expect(secretary.Locator("#decide")).ToContainTextAsync("протокол № 1 від 02.11.2026 (засідання)");

        await secretary.GotoAsync(meetingUrl);
        await Assertions.Expect(secretary.Locator("#protocol-title + p")).ToContainTextAsync("Рішень щодо пропозицій з цим протоколом: 1");
        var download = await secretary.RunAndWaitForDownloadAsync(() =>
            secretary.GetByRole(AriaRole.Link, new() { Name = "Завантажити протокол (DOCX)" }).ClickAsync());
        var file = Path.Combine(app.Folder, "protocol.docx");
        await download.SaveAsAsync(file);
        Assert.Equal("protocol-1-2026-11-02.docx", download.SuggestedFilename);
        using var document = WordprocessingDocument.Open(file, false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => e.Description));
        var body = document.MainDocumentPart!.Document!.Body!;
        var paragraphs = body.Elements<W.Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Contains("ПРОТОКОЛ № 1", paragraphs);
        Assert.Contains("Присутні члени робочої групи (7):", paragraphs);
        Assert.Contains("На засіданні присутні: 7 з 9 членів робочої групи. Кворум є, засідання правомочне.", paragraphs);
        Assert.Contains("Мельник І. В. — про пропозиції, що надійшли, та їх представленість", paragraphs);
        Assert.Contains("ГОЛОСУВАЛИ: «за» — 7, «проти» — 0, «утрималися» — 0.", paragraphs);
        Assert.Contains("ГОЛОСУВАЛИ: «за» — 6, «проти» — 1, «утрималися» — 0.", paragraphs);
        var decided = body.Elements<W.Table>().Single().Elements<W.TableRow>().Skip(1).Single().Elements<W.TableCell>().Select(c => c.InnerText).ToList();
        Assert.Equal(["1", road.Reference, "Відремонтувати дорогу до школи в селі Камʼянка", "Врахувати", "Ремонт дороги включено до програми на 2027 рік."], decided);
    }

    [BrowserFact]
    public async Task Secretary_RoutesEveryUnroutedProposalBySphere_AfterSeeingWhereEachGoes()
    {
        await using var app = new HromadaAppFactory();
        await using var browser = await AdminWebBrowser.StartAsync(app);
        var road = await AdminSeed.SubmitAsync(app, "Відремонтувати дорогу до школи в селі Камʼянка", sphere: "infrastructure");
        var club = await AdminSeed.SubmitAsync(app, "Відкрити гурток робототехніки для підлітків у ліцеї", sphere: "social");
        var key = await AdminWebSeed.KeyAsync(app, "секретар", AdminRole.WorkingGroup);
        var secretary = await browser.NewPersonAsync();
        await secretary.GotoAsync(browser.Url("/admin/proposals"));
        await AdminWebBrowser.SignInAsync(secretary, key);

        await secretary.GetByRole(AriaRole.Link, new() { Name = "Розподіл за сферами…" }).ClickAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("Буде передано: 2, строк позиції — 16.11.2026") })).ToBeVisibleAsync();
        var table = secretary.Locator("table");
        await Assertions.Expect(table.Locator("tr", new() { HasText = "Підгрупа з питань ЖКГ" })).ToContainTextAsync(road.Reference);
        await Assertions.Expect(table.Locator("tr", new() { HasText = "Відділ освіти" })).ToContainTextAsync(club.Reference);
        await AdminWebBrowser.ScreenshotAsync(secretary, "15-routing-preview");
        Assert.Empty((await AdminWebSeed.ProposalAsync(app, road.Reference)).Routes);

        await secretary.GetByRole(AriaRole.Button, new() { Name = "Передати на розгляд (2)" }).ClickAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Status)).ToHaveTextAsync("Передано на розгляд за сферами: 2.");
        await Assertions.Expect(secretary.Locator("main")).ToContainTextAsync("Усі пропозиції цієї консультації вже передано на розгляд.");
        Assert.Single((await AdminWebSeed.ProposalAsync(app, road.Reference)).Routes);
        Assert.Equal(2, (await AdminWebSeed.ProposalAsync(app, club.Reference)).Routes.Count);
    }
}
