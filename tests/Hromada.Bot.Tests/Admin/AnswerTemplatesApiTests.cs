using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Core.Access;
using Microsoft.AspNetCore.Mvc;

namespace Hromada.Bot.Tests.Admin;

public sealed class AnswerTemplatesApiTests
{
    [Fact]
    public async Task Templates_AreKeptPerConsultation_EditedWithTheirVersion_AndRemoved()
    {
        await using var app = new HromadaAppFactory();
        using var client = AdminClient.ForAdmin(app);
        var created = await client.PostAsJsonAsync("/api/admin/consultations/1/templates",
            new { title = "Враховано", outcome = "Accepted", text = "Пропозицію враховано в розділі 3 програми." });
        var template = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = template.GetProperty("id").GetInt32();

        var edited = await client.PutAsJsonAsync($"/api/admin/consultations/1/templates/{id}",
            new { title = "Враховано", outcome = "Accepted", text = "Пропозицію враховано в розділі 4 програми.", version = template.GetProperty("version").GetInt32() });
        var stale = await client.PutAsJsonAsync($"/api/admin/consultations/1/templates/{id}",
            new { title = "Враховано", text = "Інший текст", version = template.GetProperty("version").GetInt32() });
        var list = await client.GetFromJsonAsync<JsonElement>("/api/admin/consultations/1/templates");
        var removed = await client.DeleteAsync(new Uri($"/api/admin/consultations/1/templates/{id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Пропозицію враховано в розділі 4 програми.", Assert.Single(list.EnumerateArray()).GetProperty("text").GetString());
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/api/admin/consultations/1/templates")).EnumerateArray());
    }

    [Fact]
    public async Task Template_WithoutText_Returns400NamingTheField_AndOnAnUnknownConsultation404()
    {
        await using var app = new HromadaAppFactory();
        using var client = AdminClient.ForAdmin(app);

        var empty = await client.PostAsJsonAsync("/api/admin/consultations/1/templates", new { title = "Порожній" });
        var unknown = await client.PostAsJsonAsync("/api/admin/consultations/99/templates", new { title = "Т", text = "Текст" });

        Assert.Equal(["text"], (await empty.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Templates_AreForTheWorkingGroup_NotForReviewers()
    {
        await using var app = new HromadaAppFactory();
        using var reviewer = await AdminClient.ForRoleAsync(app, AdminRole.Reviewer, "sg-infrastructure");

        var response = await reviewer.GetAsync(new Uri("/api/admin/consultations/1/templates", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
