using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Hromada.Admin.Audit;
using Hromada.Bot.Tests.Admin;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Core.Access;
using Hromada.Core.Audit;
using Hromada.Core.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bot.Tests.AdminWeb;

/// <summary>The audit trail page and API: every kind of change in words from its type, old untyped rows too; Admin only.</summary>
public sealed class AuditTrailTests
{
    [Fact]
    public async Task TheTrail_ShowsChangesOfEveryKind_NewestFirst_InWords_AndOldUntypedRows()
    {
        await using var app = new HromadaAppFactory();
        using var admin = AdminClient.ForAdmin(app);
        var consultation = (await admin.GetFromJsonAsync<JsonElement>("/api/admin/consultations"))[0];
        var id = consultation.GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/admin/consultations/{id}/extend", new
        {
            newDeadline = consultation.GetProperty("deadline").GetDateTimeOffset().AddDays(14),
            reason = "На прохання старост сіл Камʼянського округу",
            protocolNumber = "7",
            protocolDate = "2026-11-20",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync(new Uri($"/api/admin/consultations/{id}/close", UriKind.Relative), null)).StatusCode);
        await AdminWebSeed.KeyAsync(app, "секретарка Олена", AdminRole.WorkingGroup);
        // A row as the untyped code wrote it: no kind, an anonymous object.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
            db.AuditEntries.Add(new AuditEntry
            {
                At = new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.Zero), Actor = "старий-адмін", EntityType = "ApiKey", EntityKey = "старий ключ",
                Action = "Revoked", After = """{"RevokedAt":"2026-10-01T09:00:00+00:00"}""",
            });
            await db.SaveChangesAsync();
        }
        using var web = await WebSessionClient.SignInAsync(app, HromadaAppFactory.TestAdminKey);

        var page = WebSessionClient.Text(await web.GetHtmlAsync("/admin/audit"));
        var consultationsOnly = WebSessionClient.Text(await web.GetHtmlAsync("/admin/audit?area=Consultation"));

        Assert.Contains("продовжено строк", page, StringComparison.Ordinal);
        Assert.Contains("На прохання старост сіл Камʼянського округу", page, StringComparison.Ordinal);
        Assert.Contains("№ 7 від 20.11.2026", page, StringComparison.Ordinal);
        Assert.Contains("прийом пропозицій закрито", page, StringComparison.Ordinal);
        Assert.Contains("ключі доступу: секретарка Олена", page, StringComparison.Ordinal);
        Assert.Contains("роль:", page, StringComparison.Ordinal);
        // The old row in the page's words: its action and its stored time in Kyiv time (12:00 in October).
        Assert.Contains("ключі доступу: старий ключ", page, StringComparison.Ordinal);
        Assert.Contains("відкликано", page, StringComparison.Ordinal);
        Assert.Contains("01.10.2026 12:00", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Revoked", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Extended", page, StringComparison.Ordinal);
        // Newest first: the closing before the extension.
        Assert.True(page.IndexOf("прийом пропозицій закрито", StringComparison.Ordinal) < page.IndexOf("продовжено строк", StringComparison.Ordinal));
        Assert.Contains("продовжено строк", consultationsOnly, StringComparison.Ordinal);
        Assert.DoesNotContain("ключі доступу: секретарка Олена", consultationsOnly, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheApi_FiltersAndPages_AndGivesTheTypedKindAndBodies()
    {
        await using var app = new HromadaAppFactory();
        using var admin = AdminClient.ForAdmin(app);
        var id = (await admin.GetFromJsonAsync<JsonElement>("/api/admin/consultations"))[0].GetProperty("id").GetInt32();
        await admin.PostAsync(new Uri($"/api/admin/consultations/{id}/close", UriKind.Relative), null);
        await admin.PostAsync(new Uri($"/api/admin/consultations/{id}/reopen", UriKind.Relative), null);
        await AdminWebSeed.KeyAsync(app, "комунікації", AdminRole.Communications);

        var consultations = await admin.GetFromJsonAsync<JsonElement>("/api/admin/audit?entityType=Consultation&pageSize=1");
        var all = await admin.GetFromJsonAsync<JsonElement>("/api/admin/audit");

        Assert.Equal(2, consultations.GetProperty("total").GetInt32());
        var newest = consultations.GetProperty("items").EnumerateArray().Single();
        Assert.Equal("Consultation", newest.GetProperty("entityType").GetString());
        Assert.Equal("consultation.closure", newest.GetProperty("kind").GetString());
        Assert.Equal("Reopened", newest.GetProperty("action").GetString());
        Assert.Equal(JsonValueKind.Null, newest.GetProperty("after").GetProperty("ClosedAt").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, newest.GetProperty("before").GetProperty("ClosedAt").ValueKind);
        var items = all.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(items, e => e.GetProperty("kind").GetString() == "api-key.created" && e.GetProperty("entityKey").GetString() == "комунікації");
        var ids = items.Select(e => e.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(ids.OrderDescending(), ids);
    }

    [Theory]
    [InlineData("/api/admin/audit?entityType=Nonsense", "entityType")]
    [InlineData("/api/admin/audit?pageSize=500", "pageSize")]
    [InlineData("/api/admin/audit?page=0", "page")]
    public async Task BadQuery_Is400_NamingTheParameter(string path, string field)
    {
        await using var app = new HromadaAppFactory();
        using var admin = AdminClient.ForAdmin(app);

        var response = await admin.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Contains(field, problem!.Errors.Keys);
    }

    [Fact]
    public void EveryKindOfChange_IsAboutAThingTheTrailCanBeFilteredBy()
    {
        // The filter's list of things is written by hand; a new kind of change about a new thing must be added to it,
        // or the trail could not be filtered to it and the page would not name it.
        var kinds = typeof(AuditEvent).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(AuditEvent)) && !t.IsAbstract)
            .ToList();
        Assert.NotEmpty(kinds);
        foreach (var kind in kinds)
        {
            // The things are constants of each type: an instance without constructor arguments tells its own.
            var change = (AuditEvent)RuntimeHelpers.GetUninitializedObject(kind);
            Assert.True(AuditTrail.EntityTypes.ContainsKey(change.EntityType), $"{kind.Name} is about \"{change.EntityType}\", which AuditTrail.EntityTypes does not list.");
        }
    }

    [Fact]
    public async Task OnlyTheAdmin_ReadsTheTrail()
    {
        await using var app = new HromadaAppFactory();
        using var workingGroup = await AdminClient.ForRoleAsync(app, AdminRole.WorkingGroup);
        using var secretary = await WebSessionClient.SignInAsync(app, await AdminWebSeed.KeyAsync(app, "секретар", AdminRole.WorkingGroup));

        var api = await workingGroup.GetAsync(new Uri("/api/admin/audit", UriKind.Relative));
        var page = await secretary.Http.GetAsync(new Uri("/admin/audit", UriKind.Relative));
        var menu = await secretary.GetHtmlAsync("/admin");

        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("/admin/audit", menu, StringComparison.Ordinal);
    }
}
