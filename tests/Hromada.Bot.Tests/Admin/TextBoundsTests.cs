using System.Net;
using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using Hromada.Bot.Tests.AdminWeb;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Core.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bot.Tests.Admin;

/// <summary>
/// Issue 25 item 9: classification and flag reasons and position justifications took 200 KB and control characters.
/// Every admin text is now held to a length limit and to the chat's character rule: a 400 naming the field (API), the
/// form's field error (pages), nothing stored.
/// </summary>
public sealed class TextBoundsTests
{
    private static readonly string TwoHundredKilobytes = new('ж', 100_000);

    [Fact]
    public async Task AnExtensionReasonWithAControlCharacter_Is400NamingTheReason_AndTheDeadlineStays()
    {
        await using var app = new HromadaAppFactory();
        using var client = AdminClient.ForAdmin(app);
        var consultation = (await client.GetFromJsonAsync<JsonElement>("/api/admin/consultations"))[0];
        var id = consultation.GetProperty("id").GetInt32();
        var announcements = await CountAsync(app, db => db.Announcements.CountAsync());

        var response = await client.PostAsJsonAsync($"/api/admin/consultations/{id}/extend", new
        {
            newDeadline = "2026-12-16T18:00:00+02:00",
            reason = "На прохання\u0001 старост сіл",
            protocolNumber = "7",
            protocolDate = "2026-11-20",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Equal(["reason"], problem!.Errors.Keys);
        Assert.Contains("U+0001", problem.Errors["reason"][0], StringComparison.Ordinal);
        var after = (await client.GetFromJsonAsync<JsonElement>("/api/admin/consultations"))[0];
        Assert.Equal(consultation.GetProperty("deadline").GetString(), after.GetProperty("deadline").GetString());
        Assert.Equal(announcements, await CountAsync(app, db => db.Announcements.CountAsync()));
    }

    [Fact]
    public async Task AClassificationReasonOf200Kilobytes_Is400NamingTheReason_AndTheProposalIsNotReclassified()
    {
        await using var app = new HromadaAppFactory();
        var p = await AdminSeed.SubmitAsync(app, sphere: "other");
        using var client = AdminClient.ForAdmin(app);

        var response = await client.PutAsync($"/api/admin/proposals/{p.Reference}/classification",
            Utf8Json(new { sphere = "infrastructure", topic = "roads", reason = TwoHundredKilobytes }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Contains("2000", Assert.Single(problem!.Errors, e => e.Key == "reason").Value[0], StringComparison.Ordinal);
        var details = await client.GetFromJsonAsync<JsonElement>($"/api/admin/proposals/{p.Reference}");
        Assert.Equal("other", details.GetProperty("proposal").GetProperty("sphere").GetProperty("code").GetString());
    }

    [Fact]
    public async Task AFlagReasonWithABidiControl_AndAJustificationOf200Kilobytes_Are400NamingTheirFields()
    {
        await using var app = new HromadaAppFactory();
        var p = await AdminSeed.SubmitAsync(app);
        using var admin = AdminClient.ForAdmin(app);
        (await admin.PostAsJsonAsync($"/api/admin/proposals/{p.Reference}/routes",
            new { reviewBodies = new[] { "sg-infrastructure" }, dueDate = "2026-11-30" })).EnsureSuccessStatusCode();

        var flags = await admin.PutAsJsonAsync($"/api/admin/proposals/{p.Reference}/flags", new { offTopic = true, reason = "Не \u202Eпо темі" });
        var position = await admin.PutAsync($"/api/admin/proposals/{p.Reference}/routes/sg-infrastructure/position",
            Utf8Json(new { stance = "Support", justification = TwoHundredKilobytes }));

        Assert.Equal(HttpStatusCode.BadRequest, flags.StatusCode);
        Assert.Contains("U+202E", (await flags.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors["reason"][0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, position.StatusCode);
        Assert.Contains("20000", (await position.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors["justification"][0], StringComparison.Ordinal);
        var details = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/proposals/{p.Reference}");
        Assert.False(details.GetProperty("proposal").GetProperty("isOffTopic").GetBoolean());
    }

    [Fact]
    public async Task TabsLineBreaksAndAnEmoji_AreNoControlCharacters_TheReasonIsSaved()
    {
        await using var app = new HromadaAppFactory();
        var p = await AdminSeed.SubmitAsync(app, sphere: "other");
        using var client = AdminClient.ForAdmin(app);

        var response = await client.PutAsJsonAsync($"/api/admin/proposals/{p.Reference}/classification",
            new { sphere = "infrastructure", topic = "roads", reason = "Перший рядок\r\nдругий\tрядок 👍" });

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheProposalPage_AReasonWithAControlCharacter_ShowsTheFormAgainWithTheFieldsError_AndSavesNothing()
    {
        await using var app = new HromadaAppFactory();
        var p = await AdminSeed.SubmitAsync(app, sphere: "other");
        using var web = await WebSessionClient.SignInAsync(app, HromadaAppFactory.TestAdminKey);
        var page = $"/admin/proposals/{p.Reference}";

        var response = await web.PostFormAsync(page, page + "?handler=Classify",
            [new("Classify.Sphere", "infrastructure"), new("Classify.Topic", "roads"), new("Classify.Reason", "Дорога\u0007 до школи")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Matches("<div class=\"field invalid\">\\s*<label for=\"classify-reason\">[^<]*</label>\\s*<input [^>]*>\\s*<span class=\"error\">[^<]*U\\+0007", html);
        Assert.Contains("Classify.Reason: Текст містить невидимий керівний символ (U+0007) на позиції 7", WebSessionClient.Text(html), StringComparison.Ordinal);
        using var client = AdminClient.ForAdmin(app);
        var details = await client.GetFromJsonAsync<JsonElement>($"/api/admin/proposals/{p.Reference}");
        Assert.Equal("other", details.GetProperty("proposal").GetProperty("sphere").GetProperty("code").GetString());
    }

    [Fact]
    public async Task TheLettersPage_WithAControlCharacterInTheSubject_Is400SayingWhichField()
    {
        await using var app = new HromadaAppFactory();
        using var web = await WebSessionClient.SignInAsync(app, HromadaAppFactory.TestAdminKey);

        var response = await web.PostFormAsync("/admin/letters", "/admin/letters?handler=Preview",
            [new("Input.Subject", "Тема\u001B[31m"), new("Input.Body", "Текст листа"), new("Input.Addresses", "head@example.org")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = WebSessionClient.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("Input.subject:", text, StringComparison.Ordinal);
        Assert.Contains("U+001B", text, StringComparison.Ordinal);
    }

    /// <summary>A JSON body with its Cyrillic as UTF-8 (two bytes a letter), not escaped: 200 KB of text is 200 KB sent.</summary>
    private static JsonContent Utf8Json(object body) =>
        JsonContent.Create(body, options: new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static async Task<int> CountAsync(HromadaAppFactory app, Func<HromadaDbContext, Task<int>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<HromadaDbContext>());
    }
}
