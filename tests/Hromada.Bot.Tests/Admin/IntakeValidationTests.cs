using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Core.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bot.Tests.Admin;

/// <summary>Manual intake and the Google Forms import reject what the chat rejects, and store text without control characters.</summary>
public sealed class IntakeValidationTests
{
    private const string Header =
        "\"Позначка часу\",\"Категорія автора\",\"Соціальна група\",\"Населений пункт\",\"Сфера\",\"Тема\",\"Ваша пропозиція\",\"Прізвище, імʼя, по батькові\",\"Телефон\",\"Електронна пошта\"\n";

    private static string Row(string text, string name = "Марія Шевчук", string phone = "+380931234567", string email = "", string settlement = "Вишневе") =>
        $"\"20.11.2026 14:03:15\",\"Фізична особа\",\"\",\"{settlement}\",\"Соціально-гуманітарна сфера\",\"\",\"{text}\",\"{name}\",\"{phone}\",\"{email}\"\n";

    private const string GoodText = "Відкрити молодіжний простір у сільському клубі";

    private static object Manual(string text, string? name = null, string? phone = null, string? email = null, string? unlisted = null) => new
    {
        channel = "Paper",
        receivedAt = new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero),
        authorCategory = "person",
        sphere = "social",
        text,
        authorName = name,
        authorPhone = phone,
        authorEmail = email,
        unlistedSettlement = unlisted,
    };

    [Fact]
    public async Task ManualIntake_WhatTheChatRejects_Returns400NamingEachField()
    {
        await using var app = new HromadaAppFactory();
        using var client = AdminClient.ForAdmin(app);

        var response = await client.PostAsJsonAsync("/api/admin/proposals", Manual(
            new string('д', 4001), new string('N', 100_000), string.Concat(Enumerable.Repeat("=1+1", 1000)), "not-an-email", new string('с', 101)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Equal(["authorEmail", "authorName", "authorPhone", "text", "unlistedSettlement"], problem!.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("at most 4000", problem.Errors["text"][0], StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().Proposals.CountAsync());
    }

    [Fact]
    public async Task ManualIntake_ATooShortTextOrOneLetterName_IsRefusedAsInTheChat()
    {
        await using var app = new HromadaAppFactory();
        using var client = AdminClient.ForAdmin(app);

        var response = await client.PostAsJsonAsync("/api/admin/proposals", Manual("Дорога", "Я"));

        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["authorName", "text"], problem!.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ManualIntake_StoresTextWithoutBidiAndControlCharacters_AndThePhoneNormalised()
    {
        await using var app = new HromadaAppFactory();
        using var client = AdminClient.ForAdmin(app);

        var response = await client.PostAsJsonAsync("/api/admin/proposals", Manual(
            "Відремонтувати \u202Eдорогу\u000B до школи", "Олена \u2066Петренко\u2069", "067 123 45 67", " olena@example.com "));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().Proposals.SingleAsync();
        Assert.Equal("Відремонтувати дорогу до школи", stored.Text);
        Assert.Equal("Олена Петренко", stored.AuthorName);
        Assert.Equal("+380671234567", stored.AuthorPhone);
        Assert.Equal("olena@example.com", stored.AuthorEmail);
    }

    [Fact]
    public async Task Import_RowsTheChatWouldReject_AreReportedWithTheReasonAndSkipped_InTheDryRunAndTheImport()
    {
        await using var app = new HromadaAppFactory();
        using var client = AdminClient.ForAdmin(app);
        var csv = Header
            + Row(GoodText)
            + Row(new string('т', 9_500))
            + Row(GoodText + " 2", phone: "=1+1=1+1")
            + Row(GoodText + " 3", email: "not-an-email")
            + Row(GoodText + " 4", name: "Я")
            + Row("Коротко");

        var dryRun = await PostAsync(client, csv, dryRun: true);
        var result = await PostAsync(client, csv, dryRun: false);

        foreach (var report in new[] { dryRun, result })
        {
            Assert.Equal(1, report.GetProperty("imported").GetInt32());
            Assert.Equal(5, report.GetProperty("skipped").GetInt32());
            var problems = report.GetProperty("problems").EnumerateArray()
                .Select(p => (Row: p.GetProperty("row").GetInt32(), Column: p.GetProperty("column").GetString(), Skipped: p.GetProperty("skipped").GetBoolean(),
                    Message: p.GetProperty("message").GetString()!, Value: p.GetProperty("value").GetString()!))
                .ToList();
            Assert.Contains(problems, p => p is { Row: 3, Column: "Ваша пропозиція", Skipped: true } && p.Message.Contains("at most 4000", StringComparison.Ordinal) && p.Value.Length < 300);
            Assert.Contains(problems, p => p is { Row: 4, Column: "Телефон", Skipped: true });
            Assert.Contains(problems, p => p is { Row: 5, Column: "Електронна пошта", Skipped: true });
            Assert.Contains(problems, p => p is { Row: 6, Column: "Прізвище, імʼя, по батькові", Skipped: true });
            Assert.Contains(problems, p => p is { Row: 7, Column: "Ваша пропозиція", Skipped: true } && p.Message.Contains("at least 20", StringComparison.Ordinal));
        }
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(GoodText, (await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().Proposals.SingleAsync()).Text);
    }

    [Fact]
    public async Task Import_StoresCellsWithoutBidiAndControlCharacters()
    {
        await using var app = new HromadaAppFactory();
        using var client = AdminClient.ForAdmin(app);

        var report = await PostAsync(client, Header + Row("Відкрити \u202Eмолодіжний\u000B простір у клубі", name: "Марія \u2067Шевчук\u2069", phone: "093 123 45 67", settlement: "Нові \u202EХутори"), dryRun: false);

        Assert.Equal(1, report.GetProperty("imported").GetInt32());
        await using var scope = app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().Proposals.SingleAsync();
        Assert.Equal("Відкрити молодіжний простір у клубі", stored.Text);
        Assert.Equal("Марія Шевчук", stored.AuthorName);
        Assert.Equal("+380931234567", stored.AuthorPhone);
        Assert.Equal("Нові Хутори", stored.UnlistedSettlement);
    }

    [Fact]
    public async Task Import_OfManyRows_GivesReferenceNumbersInRowOrder_ContinuingTheChatsCounter()
    {
        await using var app = new HromadaAppFactory();
        using var client = AdminClient.ForAdmin(app);
        var before = await AdminSeed.SubmitAsync(app);
        var csv = Header + string.Concat(Enumerable.Range(1, 2_500).Select(i => Row($"{GoodText}, рядок {i}")));

        var report = await PostAsync(client, csv, dryRun: false);
        var again = await PostAsync(client, csv, dryRun: false);
        var after = await AdminSeed.SubmitAsync(app);

        Assert.Equal("P-2026-00001", before.Reference);
        var references = report.GetProperty("references").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.Equal(Enumerable.Range(2, 2_500).Select(n => $"P-2026-{n:D5}"), references);
        Assert.Equal("P-2026-02502", after.Reference);
        Assert.Equal(2_500, again.GetProperty("alreadyImported").GetInt32());
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        Assert.Equal($"{GoodText}, рядок 2500", (await db.Proposals.SingleAsync(p => p.Reference == "P-2026-02501")).Text);
        Assert.Equal(2_502, await db.AuditEntries.CountAsync(a => a.EntityType == "Proposal" && a.Action == "Received"));
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string csv, bool dryRun)
    {
        var response = await client.PostAsync(new Uri($"/api/admin/imports/google-forms?dryRun={dryRun}", UriKind.Relative), new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
