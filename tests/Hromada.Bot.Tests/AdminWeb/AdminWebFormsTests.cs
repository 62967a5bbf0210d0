using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using Hromada.Bot.Tests.Admin;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Core.Access;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bot.Tests.AdminWeb;

/// <summary>The page's forms: what they change through the API's services, and what they say when the input is wrong.</summary>
public sealed class AdminWebFormsTests
{
    [Fact]
    public async Task ManualIntake_WithWhatTheChatRejects_SaysWhatIsWrongBesideEachFieldInUkrainian_AndKeepsWhatWasTyped()
    {
        await using var app = new HromadaAppFactory();
        using var secretary = await WebSessionClient.SignInAsync(app, await AdminWebSeed.KeyAsync(app, "секретар", AdminRole.WorkingGroup));

        var response = await secretary.PostFormAsync("/admin/intake", "/admin/intake", [
            new("Input.Channel", "Paper"), new("Input.ReceivedAt", "2026-11-02T10:00"), new("Input.AuthorCategory", "person"),
            new("Input.Sphere", "infrastructure"), new("Input.Text", "Закоротко <b>"), new("Input.AuthorPhone", "=1+1"),
            new("Input.AuthorEmail", "not-an-email"), new("Input.AuthorName", "Марія Шевчук")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Текст пропозиції — від 20 до 4000 символів.", html, StringComparison.Ordinal);
        Assert.Contains("Це не український номер телефону", html, StringComparison.Ordinal);
        Assert.Contains("Це не адреса електронної пошти.", html, StringComparison.Ordinal);
        Assert.Contains(">Закоротко &lt;b&gt;</textarea>", html, StringComparison.Ordinal);
        Assert.Matches("value=\"=1(\\+|&#x2B;)1\"", html);
        Assert.Contains("value=\"Марія Шевчук\"", html, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().Proposals.CountAsync());
    }

    [Fact]
    public async Task ManualIntake_Registered_OpensTheNewProposal_LateWhenReceivedAfterTheDeadline()
    {
        await using var app = new HromadaAppFactory();
        using var secretary = await WebSessionClient.SignInAsync(app, await AdminWebSeed.KeyAsync(app, "секретар", AdminRole.WorkingGroup));

        var html = await secretary.SubmitAsync("/admin/intake", "/admin/intake", [
            new("Input.Channel", "Cnap"), new("Input.ReceivedAt", "2026-11-02T10:30"), new("Input.AuthorCategory", "person"),
            new("Input.SocialGroups", "veterans"), new("Input.Sphere", "safety"), new("Input.Topic", "shelters"), new("Input.Settlement", "luhove"),
            new("Input.Text", "Облаштувати укриття в підвалі школи в Луговому: вентиляція, лавки, вода"),
            new("Input.AuthorName", "Петро Коваль"), new("Input.AuthorPhone", "067 123 45 67")]);

        Assert.Contains("Пропозицію зареєстровано під номером P-2026-00001.", html, StringComparison.Ordinal);
        var p = await AdminWebSeed.ProposalAsync(app, "P-2026-00001");
        Assert.Equal(Channel.Cnap, p.Channel);
        Assert.Equal("+380671234567", p.AuthorPhone);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 8, 30, 0, TimeSpan.Zero), p.ReceivedAt);
    }

    [Fact]
    public async Task Decision_OnAProposalSomeoneChangedMeanwhile_ShowsWhatChanged_KeepsTheJustification_AndSavesNothing()
    {
        await using var app = new HromadaAppFactory();
        var p = await AdminSeed.SubmitAsync(app);
        using var secretary = await WebSessionClient.SignInAsync(app, await AdminWebSeed.KeyAsync(app, "секретар", AdminRole.WorkingGroup));
        var page = await secretary.GetHtmlAsync($"/admin/proposals/{p.Reference}");
        var version = System.Text.RegularExpressions.Regex.Match(page, "name=\"Decision.Version\" value=\"(\\d+)\"").Groups[1].Value;
        var seen = System.Text.RegularExpressions.Regex.Match(page, "name=\"Decision.Seen\" value=\"(\\d+)\"").Groups[1].Value;
        // Meanwhile a colleague marks it off topic through the API.
        using var colleague = AdminClient.ForAdmin(app);
        Assert.Equal(HttpStatusCode.OK, (await colleague.PutAsJsonAsync($"/api/admin/proposals/{p.Reference}/flags", new { offTopic = true, reason = "Не стосується програми" })).StatusCode);

        var response = await secretary.PostFormAsync($"/admin/proposals/{p.Reference}", $"/admin/proposals/{p.Reference}?handler=Decide", [
            new("Decision.Version", version), new("Decision.Seen", seen), new("Decision.Outcome", "Accepted"),
            new("Decision.Justification", "Включено до програми на 2027 рік."), new("Decision.ProtocolNumber", "5"), new("Decision.ProtocolDate", "2026-11-02")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var text = WebSessionClient.Text(html);
        Assert.Contains("Поки ви працювали, цю пропозицію змінили", text, StringComparison.Ordinal);
        Assert.Contains("bootstrap: змінено позначки", text, StringComparison.Ordinal);
        Assert.Contains("не за темою: так", text, StringComparison.Ordinal);
        Assert.Contains("перезавантажте сторінку", text, StringComparison.Ordinal);
        Assert.Contains(">Включено до програми на 2027 рік.</textarea>", html, StringComparison.Ordinal);
        Assert.Null((await AdminWebSeed.ProposalAsync(app, p.Reference)).Outcome);
    }

    [Fact]
    public async Task BulkDecision_EachProposalGetsItsOwnOutcomeAndJustification_AtOneProtocol()
    {
        await using var app = new HromadaAppFactory();
        var road = await AdminSeed.SubmitAsync(app);
        var lights = await AdminSeed.SubmitAsync(app, "Відновити вуличне освітлення на вулиці Шкільній у Камʼянці");
        using var secretary = await WebSessionClient.SignInAsync(app, await AdminWebSeed.KeyAsync(app, "секретар", AdminRole.WorkingGroup));
        var page = $"/admin/proposals/decide?r={road.Reference}&r={lights.Reference}";

        var missing = await secretary.PostFormAsync(page, page, [
            new("Input.ProtocolNumber", "9"), new("Input.ProtocolDate", "2026-11-02"),
            new("Input.Items[0].Reference", road.Reference), new("Input.Items[0].Outcome", "Accepted"), new("Input.Items[0].Justification", "Дорогу включено до програми."),
            new("Input.Items[1].Reference", lights.Reference), new("Input.Items[1].Outcome", "Rejected"), new("Input.Items[1].Justification", " ")]);
        var missingHtml = await missing.Content.ReadAsStringAsync();
        var done = await secretary.SubmitAsync(page, page, [
            new("Input.ProtocolNumber", "9"), new("Input.ProtocolDate", "2026-11-02"),
            new("Input.Items[0].Reference", road.Reference), new("Input.Items[0].Outcome", "Accepted"), new("Input.Items[0].Justification", "Дорогу включено до програми."),
            new("Input.Items[1].Reference", lights.Reference), new("Input.Items[1].Outcome", "Rejected"), new("Input.Items[1].Justification", "Освітлення вже відновлено у 2026 році.")]);

        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("Напишіть обґрунтування", missingHtml, StringComparison.Ordinal);
        Assert.Contains("Дорогу включено до програми.</textarea>", missingHtml, StringComparison.Ordinal);
        Assert.Contains("Рішення записано, авторам надсилаються повідомлення: 2.", done, StringComparison.Ordinal);
        var first = await AdminWebSeed.ProposalAsync(app, road.Reference);
        var second = await AdminWebSeed.ProposalAsync(app, lights.Reference);
        Assert.Equal((DecisionOutcome.Accepted, "Дорогу включено до програми.", "9"), (first.Outcome!.Value, first.Justification!, first.ProtocolNumber!));
        Assert.Equal((DecisionOutcome.Rejected, "Освітлення вже відновлено у 2026 році.", "9"), (second.Outcome!.Value, second.Justification!, second.ProtocolNumber!));
    }

    [Fact]
    public async Task BulkDecision_WithAProposalAlreadyDecided_WarnsAndLeavesItOutOfTheForm()
    {
        await using var app = new HromadaAppFactory();
        var road = await AdminSeed.SubmitAsync(app);
        var lights = await AdminSeed.SubmitAsync(app, "Відновити вуличне освітлення на вулиці Шкільній у Камʼянці");
        using (var admin = AdminClient.ForAdmin(app))
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/admin/proposals/{road.Reference}/decision",
                new { outcome = "Accepted", justification = "Дорогу включено до програми.", protocolNumber = "9", protocolDate = "2026-11-02" })).StatusCode);
        }
        using var secretary = await WebSessionClient.SignInAsync(app, await AdminWebSeed.KeyAsync(app, "секретар", AdminRole.WorkingGroup));

        var html = await secretary.GetHtmlAsync($"/admin/proposals/decide?r={road.Reference}&r={lights.Reference}");

        var text = WebSessionClient.Text(html);
        Assert.Contains("вже мають рішення, тут їх пропущено", text, StringComparison.Ordinal);
        Assert.Matches($@"{road.Reference}\s+— Враховано, протокол № 9 від 02\.11\.2026", text);
        Assert.DoesNotContain($"name=\"Input.Items[1].Reference\"", html, StringComparison.Ordinal);
        Assert.Contains($"name=\"Input.Items[0].Reference\" value=\"{lights.Reference}\"", html, StringComparison.Ordinal);
        Assert.Contains("Записати рішення (1)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BulkRouting_FromTheList_RoutesTheSelected_AndAMissingDueDateIsSaidBesideIt()
    {
        await using var app = new HromadaAppFactory();
        var a = await AdminSeed.SubmitAsync(app);
        var b = await AdminSeed.SubmitAsync(app, "Відновити вуличне освітлення на вулиці Шкільній у Камʼянці");
        var c = await AdminSeed.SubmitAsync(app, "Встановити сирену оповіщення в центрі Пʼятихаток", sphere: "safety");
        using var secretary = await WebSessionClient.SignInAsync(app, await AdminWebSeed.KeyAsync(app, "секретар", AdminRole.WorkingGroup));
        KeyValuePair<string, string>[] selection = [new("Bulk.Selected", a.Reference), new("Bulk.Selected", b.Reference), new("Bulk.ReviewBodies", "sg-infrastructure")];

        var incomplete = await secretary.PostFormAsync("/admin/proposals?sphere=infrastructure", "/admin/proposals?handler=Route&sphere=infrastructure", selection);
        var html = await secretary.SubmitAsync("/admin/proposals?sphere=infrastructure", "/admin/proposals?handler=Route&sphere=infrastructure",
            [.. selection, new("Bulk.DueDate", "2026-11-16")]);

        Assert.Contains("Вкажіть строк розгляду.", await incomplete.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Передано на розгляд: 2.", html, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 11, 16), Assert.Single((await AdminWebSeed.ProposalAsync(app, a.Reference)).Routes).DueDate);
        Assert.Single((await AdminWebSeed.ProposalAsync(app, b.Reference)).Routes);
        Assert.Empty((await AdminWebSeed.ProposalAsync(app, c.Reference)).Routes);
    }

    [Fact]
    public async Task SimilarProposals_AreSuggested_AndOneClickMarksTheDuplicate()
    {
        await using var app = new HromadaAppFactory();
        var first = await AdminSeed.SubmitAsync(app, "Відремонтувати дорогу до школи в селі Камʼянка, там глибокі ями після зими");
        var second = await AdminSeed.SubmitAsync(app, "Ремонт дороги біля школи у Камʼянці: ями після зими, діти ходять по калюжах");
        await AdminSeed.SubmitAsync(app, "Встановити сирену оповіщення в центрі Пʼятихаток", sphere: "safety");
        using var secretary = await WebSessionClient.SignInAsync(app, await AdminWebSeed.KeyAsync(app, "секретар", AdminRole.WorkingGroup));

        var page = await secretary.GetHtmlAsync($"/admin/proposals/{second.Reference}");
        Assert.Contains($"Позначити {second.Reference} дублікатом {first.Reference}", page, StringComparison.Ordinal);
        Assert.DoesNotContain("сирену", page[page.IndexOf("similar-title", StringComparison.Ordinal)..], StringComparison.Ordinal);
        var version = System.Text.RegularExpressions.Regex.Match(page, "name=\"Flags.Version\" value=\"(\\d+)\"").Groups[1].Value;

        var after = await secretary.SubmitAsync($"/admin/proposals/{second.Reference}", $"/admin/proposals/{second.Reference}?handler=Duplicate",
            [new("duplicateOf", first.Reference), new("Flags.Version", version), new("Flags.Seen", "1")]);

        Assert.Contains($"Позначено як дублікат {first.Reference}.", after, StringComparison.Ordinal);
        Assert.Equal(first.Reference, (await AdminWebSeed.ProposalAsync(app, second.Reference)).DuplicateOfReference);
    }

    [Fact]
    public async Task Consultation_ExtendedFromItsPage_KeepsTheReasonAndProtocol_AndAnEarlierDeadlineIsRefusedBesideTheField()
    {
        await using var app = new HromadaAppFactory();
        var id = await AdminWebSeed.ConsultationIdAsync(app);
        using var secretary = await WebSessionClient.SignInAsync(app, await AdminWebSeed.KeyAsync(app, "секретар", AdminRole.WorkingGroup));
        var page = $"/admin/consultations/{id}";

        var refused = await secretary.PostFormAsync(page, $"{page}?handler=Extend", [
            new("Extend.NewDeadline", "2026-11-03T18:00"), new("Extend.Reason", "На прохання старост"), new("Extend.ProtocolNumber", "7"), new("Extend.ProtocolDate", "2026-11-02")]);
        var extended = await secretary.SubmitAsync(page, $"{page}?handler=Extend", [
            new("Extend.NewDeadline", "2027-01-15T18:00"), new("Extend.Reason", "На прохання старост сіл"), new("Extend.ProtocolNumber", "7"), new("Extend.ProtocolDate", "2026-11-02")]);

        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Новий строк має бути пізнішим за чинний.", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("На прохання старост</textarea>", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("Строк продовжено.", extended, StringComparison.Ordinal);
        Assert.Contains("<strong>15.01.2027 18:00</strong>", extended, StringComparison.Ordinal);
        Assert.Contains("протокол № 7 від 02.11.2026. На прохання старост сіл", WebSessionClient.Text(extended), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consultation_CreatedOnThePage_InLocalTime_ThenClosedAndReopened()
    {
        await using var app = new HromadaAppFactory();
        using var secretary = await WebSessionClient.SignInAsync(app, await AdminWebSeed.KeyAsync(app, "секретар", AdminRole.WorkingGroup));

        var refused = await secretary.PostFormAsync("/admin/consultations/new", "/admin/consultations/new", [
            new("Input.Title", "Стратегія розвитку громади до 2030 року"), new("Input.OpensAt", "2026-12-01T09:00"), new("Input.Deadline", "2026-11-30T18:00")]);
        var created = await secretary.SubmitAsync("/admin/consultations/new", "/admin/consultations/new", [
            new("Input.Title", "Стратегія розвитку громади до 2030 року"), new("Input.OpensAt", "2026-12-01T09:00"), new("Input.Deadline", "2027-01-31T18:00")]);
        var id = System.Text.RegularExpressions.Regex.Match(created, "/admin/consultations/(\\d+)/templates").Groups[1].Value;
        var closed = await secretary.SubmitAsync($"/admin/consultations/{id}", $"/admin/consultations/{id}?handler=Close", []);
        var reopened = await secretary.SubmitAsync($"/admin/consultations/{id}", $"/admin/consultations/{id}?handler=Reopen", []);

        Assert.Contains("Кінцевий строк має бути пізнішим за початок.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Консультацію створено.", created, StringComparison.Ordinal);
        Assert.Contains("<strong>31.01.2027 18:00</strong>", created, StringComparison.Ordinal);
        Assert.Contains("Приймання пропозицій закрито.", closed, StringComparison.Ordinal);
        Assert.Contains("Приймання пропозицій відновлено.", reopened, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var c = await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().Consultations.SingleAsync(x => x.Title == "Стратегія розвитку громади до 2030 року");
        Assert.Equal(new DateTimeOffset(2027, 1, 31, 16, 0, 0, TimeSpan.Zero), c.Deadline);
        Assert.Null(c.ClosedAt);
        Assert.True(await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().AuditEntries
            .CountAsync(e => e.EntityType == "Consultation" && e.EntityKey == id) >= 3);
    }

    [Fact]
    public async Task AnswerTemplates_AddedOnThePage_AreOfferedInTheDecisionForm()
    {
        await using var app = new HromadaAppFactory();
        var p = await AdminSeed.SubmitAsync(app);
        var id = await AdminWebSeed.ConsultationIdAsync(app);
        using var secretary = await WebSessionClient.SignInAsync(app, await AdminWebSeed.KeyAsync(app, "секретар", AdminRole.WorkingGroup));
        var templates = $"/admin/consultations/{id}/templates";

        var empty = await secretary.PostFormAsync(templates, $"{templates}?handler=Save", [new("Input.Title", "Без тексту"), new("Input.Text", "")]);
        await secretary.SubmitAsync(templates, $"{templates}?handler=Save", [
            new("Input.Title", "Не враховано: поза межами програми"), new("Input.Outcome", "Rejected"), new("Input.Text", "Пропозиція стосується питань поза межами програми.")]);
        var proposal = await secretary.GetHtmlAsync($"/admin/proposals/{p.Reference}");
        var filled = await secretary.PostFormAsync($"/admin/proposals/{p.Reference}", $"/admin/proposals/{p.Reference}?handler=Template",
            [new("Decision.Template", System.Text.RegularExpressions.Regex.Match(proposal, "<option value=\"(\\d+)\" data-text").Groups[1].Value)]);

        Assert.Contains("Напишіть текст обґрунтування.", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("data-text=\"Пропозиція стосується питань поза межами програми.\" data-outcome=\"Rejected\"", proposal, StringComparison.Ordinal);
        var html = await filled.Content.ReadAsStringAsync();
        Assert.Contains(">Пропозиція стосується питань поза межами програми.</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Rejected\" checked", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GoogleFormsImport_ShowsTheDryRunFirst_ThenImportsWhatItShowed()
    {
        await using var app = new HromadaAppFactory();
        using var secretary = await WebSessionClient.SignInAsync(app, await AdminWebSeed.KeyAsync(app, "секретар", AdminRole.WorkingGroup));
        const string csv =
            "\"Позначка часу\",\"Категорія автора\",\"Соціальна група\",\"Населений пункт\",\"Сфера\",\"Тема\",\"Ваша пропозиція\",\"Прізвище, імʼя, по батькові\",\"Телефон\",\"Електронна пошта\"\n" +
            "\"01.11.2026 14:03:15\",\"Фізична особа\",\"\",\"с. Кам'янка\",\"Соціально-гуманітарна сфера\",\"Молодь\",\"Відкрити молодіжний простір у клубі: ремонт, меблі, інтернет.\",\"Марія Шевчук\",\"+380931234567\",\"\"\n" +
            "\"01.11.2026 9:15:00\",\"Інопланетянин\",\"\",\"Вишневе\",\"Космос\",\"\",\"Побудувати космодром\",\"\",\"\",\"\"\n";
        var token = WebSessionClient.Token(await secretary.GetHtmlAsync("/admin/import"));
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(token), "__form" },
            { new StringContent("1"), "ConsultationId" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "form.csv" },
        };

        var preview = await (await secretary.Http.PostAsync(new Uri("/admin/import?handler=Check", UriKind.Relative), upload)).Content.ReadAsStringAsync();
        var pending = System.Text.RegularExpressions.Regex.Match(preview, "name=\"Token\" value=\"([0-9a-f]+)\"").Groups[1].Value;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().Proposals.CountAsync());
        }
        var imported = await secretary.PostFormAsync("/admin/import", "/admin/import?handler=Import", [new("Token", pending), new("ConsultationId", "1")]);

        Assert.Contains("Буде імпортовано: <strong>1</strong>", preview, StringComparison.Ordinal);
        Assert.Contains("Такої сфери немає в каталозі.", preview, StringComparison.Ordinal);
        Assert.Contains("Імпортовано: <strong>1</strong>", await imported.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(Channel.GoogleForm, (await AdminWebSeed.ProposalAsync(app, "P-2026-00001")).Channel);
    }

    [Fact]
    public async Task Keys_ANewKeyIsShownOnce_AndWorks_ARevokedOneDoesNot()
    {
        await using var app = new HromadaAppFactory();
        using var admin = await WebSessionClient.SignInAsync(app, HromadaAppFactory.TestAdminKey);

        var taken = await admin.PostFormAsync("/admin/keys", "/admin/keys?handler=Create", [new("Input.Name", "bootstrap"), new("Input.Role", "WorkingGroup")]);
        var reviewerWithoutBody = await admin.PostFormAsync("/admin/keys", "/admin/keys?handler=Create", [new("Input.Name", "підгрупа"), new("Input.Role", "Reviewer")]);
        var created = await (await admin.PostFormAsync("/admin/keys", "/admin/keys?handler=Create", [new("Input.Name", "секретар"), new("Input.Role", "WorkingGroup")]))
            .Content.ReadAsStringAsync();
        var secret = System.Text.RegularExpressions.Regex.Match(created, "id=\"new-secret\">(hb_[^<]+)<").Groups[1].Value;

        Assert.Contains("Ключ із назвою «bootstrap» уже є", await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Ключ органу розгляду привʼязується до органу", await reviewerWithoutBody.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.StartsWith("hb_", secret, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, await admin.GetHtmlAsync("/admin/keys"), StringComparison.Ordinal);
        using (var secretary = await WebSessionClient.SignInAsync(app, secret))
        {
            Assert.Equal(HttpStatusCode.OK, (await secretary.Http.GetAsync(new Uri("/admin/proposals", UriKind.Relative))).StatusCode);
        }
        var revoked = await admin.SubmitAsync("/admin/keys", "/admin/keys?handler=Revoke&name=%D1%81%D0%B5%D0%BA%D1%80%D0%B5%D1%82%D0%B0%D1%80", []);
        Assert.Contains("Ключ «секретар» відкликано", revoked, StringComparison.Ordinal);
        using var again = WebSessionClient.Anonymous(app);
        var refused = await again.SignInAsync(secret);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Цей ключ не підходить", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exports_FromThePage_FollowTheApisRules_NoPersonalDataWithoutAdmin_AndAReviewerGetsNone()
    {
        await using var app = new HromadaAppFactory();
        var p = await AdminSeed.SubmitAsync(app);
        using var secretary = await WebSessionClient.SignInAsync(app, await AdminWebSeed.KeyAsync(app, "секретар", AdminRole.WorkingGroup));
        using var reviewer = await WebSessionClient.SignInAsync(app, await AdminWebSeed.KeyAsync(app, "підгрупа", AdminRole.Reviewer, "sg-infrastructure"));
        using var admin = await WebSessionClient.SignInAsync(app, HromadaAppFactory.TestAdminKey);

        var xlsx = await secretary.Http.GetAsync(new Uri("/admin/exports/proposals.xlsx?sphere=infrastructure", UriKind.Relative));
        var personalForSecretary = await secretary.Http.GetAsync(new Uri("/admin/exports/proposals.csv?includePersonal=true", UriKind.Relative));
        var personalForAdmin = await admin.Http.GetAsync(new Uri("/admin/exports/proposals.csv?includePersonal=true", UriKind.Relative));
        var forReviewer = await reviewer.Http.GetAsync(new Uri("/admin/exports/proposals.csv", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false))
        {
            var text = string.Concat(workbook.WorkbookPart!.WorksheetParts.Select(w => w.Worksheet!.InnerText));
            Assert.Contains(p.Reference, text, StringComparison.Ordinal);
            Assert.DoesNotContain("Олена Петренко", text, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.Forbidden, personalForSecretary.StatusCode);
        Assert.Contains("Олена Петренко", await personalForAdmin.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, forReviewer.StatusCode);
        Assert.Contains("/admin/forbidden", forReviewer.Headers.Location!.ToString(), StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().AuditEntries
            .AnyAsync(e => e.EntityType == "Export" && e.Actor == "bootstrap" && e.Action == "Exported with personal data"));
    }
}
