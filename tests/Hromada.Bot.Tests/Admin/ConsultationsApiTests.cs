using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hromada.Bot.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Hromada.Bot.Tests.Admin;

public sealed class ConsultationsApiTests
{
    private static async Task<JsonElement> FirstConsultationAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/admin/consultations"))[0];

    [Fact]
    public async Task Extend_KeepsTheHistoryWithReasonAndProtocol()
    {
        await using var app = new HromadaAppFactory();
        using var client = AdminClient.ForAdmin(app);
        var c = await FirstConsultationAsync(client);
        var id = c.GetProperty("id").GetInt32();
        var oldDeadline = c.GetProperty("deadline").GetDateTimeOffset();

        var response = await client.PostAsJsonAsync($"/api/admin/consultations/{id}/extend", new
        {
            newDeadline = oldDeadline.AddDays(14),
            reason = "На прохання старост сіл Камʼянського округу",
            protocolNumber = "7",
            protocolDate = "2026-11-20",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(oldDeadline.AddDays(14), body.GetProperty("deadline").GetDateTimeOffset());
        var extension = body.GetProperty("extensions")[0];
        Assert.Equal(oldDeadline, extension.GetProperty("previousDeadline").GetDateTimeOffset());
        Assert.Equal("7", extension.GetProperty("protocolNumber").GetString());
        Assert.Equal("bootstrap", extension.GetProperty("createdBy").GetString());
    }

    [Fact]
    public async Task Extend_ToAnEarlierDeadlineWithoutReason_Returns400NamingTheFields()
    {
        await using var app = new HromadaAppFactory();
        using var client = AdminClient.ForAdmin(app);
        var c = await FirstConsultationAsync(client);

        var response = await client.PostAsJsonAsync($"/api/admin/consultations/{c.GetProperty("id").GetInt32()}/extend", new
        {
            newDeadline = c.GetProperty("deadline").GetDateTimeOffset().AddDays(-1),
            reason = "",
            protocolNumber = "8",
            protocolDate = "2026-11-20",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Contains("newDeadline", problem!.Errors.Keys);
        Assert.Contains("reason", problem.Errors.Keys);
    }

    [Fact]
    public async Task CloseAndReopen_StopAndResumeAccepting()
    {
        await using var app = new HromadaAppFactory();
        using var client = AdminClient.ForAdmin(app);
        var id = (await FirstConsultationAsync(client)).GetProperty("id").GetInt32();

        var closed = await (await client.PostAsync(new Uri($"/api/admin/consultations/{id}/close", UriKind.Relative), null))
            .Content.ReadFromJsonAsync<JsonElement>();
        var reopened = await (await client.PostAsync(new Uri($"/api/admin/consultations/{id}/reopen", UriKind.Relative), null))
            .Content.ReadFromJsonAsync<JsonElement>();

        Assert.False(closed.GetProperty("isAccepting").GetBoolean());
        Assert.True(reopened.GetProperty("isAccepting").GetBoolean());
    }

    [Fact]
    public async Task Edit_WithAStaleVersion_Returns409()
    {
        await using var app = new HromadaAppFactory();
        using var client = AdminClient.ForAdmin(app);
        var c = await FirstConsultationAsync(client);
        var id = c.GetProperty("id").GetInt32();
        var edit = new
        {
            title = "Нова назва консультації",
            opensAt = c.GetProperty("opensAt").GetDateTimeOffset(),
            deadline = c.GetProperty("deadline").GetDateTimeOffset(),
            version = c.GetProperty("version").GetInt32(),
        };

        var first = await client.PutAsJsonAsync($"/api/admin/consultations/{id}", edit);
        var second = await client.PutAsJsonAsync($"/api/admin/consultations/{id}", edit with { title = "Інша назва" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [Fact]
    public async Task UnknownConsultation_Returns404()
    {
        await using var app = new HromadaAppFactory();
        using var client = AdminClient.ForAdmin(app);

        var response = await client.PostAsync(new Uri("/api/admin/consultations/999/close", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("No such consultation", (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Title);
    }
}
