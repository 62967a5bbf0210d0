using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hromada.Bot.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Hromada.Bot.Tests.Admin;

public sealed class BulkDecisionApiTests
{
    [Fact]
    public async Task BulkDecision_WithItems_GivesEachProposalItsOwnOutcomeAndJustification()
    {
        await using var app = new HromadaAppFactory();
        var a = await AdminSeed.SubmitAsync(app);
        var b = await AdminSeed.SubmitAsync(app, "Відновити вуличне освітлення на вулиці Шкільній у Камʼянці");
        using var client = AdminClient.ForAdmin(app);

        var response = await client.PostAsJsonAsync("/api/admin/proposals/bulk/decision", new
        {
            protocolNumber = "11",
            protocolDate = "2026-11-20",
            items = new object[]
            {
                new { reference = a.Reference, outcome = "Accepted", justification = "Дорогу включено до програми." },
                new { reference = b.Reference, outcome = "Rejected", justification = "Освітлення вже відновлено." },
            },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("done").GetArrayLength());
        var first = (await client.GetFromJsonAsync<JsonElement>($"/api/admin/proposals/{a.Reference}")).GetProperty("decision");
        var second = (await client.GetFromJsonAsync<JsonElement>($"/api/admin/proposals/{b.Reference}")).GetProperty("decision");
        Assert.Equal(("Accepted", "Дорогу включено до програми."), (first.GetProperty("outcome").GetString(), first.GetProperty("justification").GetString()));
        Assert.Equal(("Rejected", "Освітлення вже відновлено."), (second.GetProperty("outcome").GetString(), second.GetProperty("justification").GetString()));
    }

    [Fact]
    public async Task BulkDecision_AnItemWithoutJustification_Returns400NamingTheItem_AndDecidesNothing()
    {
        await using var app = new HromadaAppFactory();
        var a = await AdminSeed.SubmitAsync(app);
        var b = await AdminSeed.SubmitAsync(app, "Відновити вуличне освітлення на вулиці Шкільній у Камʼянці");
        using var client = AdminClient.ForAdmin(app);

        var response = await client.PostAsJsonAsync("/api/admin/proposals/bulk/decision", new
        {
            protocolNumber = "11",
            protocolDate = "2026-11-20",
            items = new object[]
            {
                new { reference = a.Reference, outcome = "Accepted", justification = "Дорогу включено до програми." },
                new { reference = b.Reference, outcome = "Rejected", justification = "" },
            },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["items[1].justification"], (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);
        Assert.Equal(JsonValueKind.Null, (await client.GetFromJsonAsync<JsonElement>($"/api/admin/proposals/{a.Reference}")).GetProperty("decision").ValueKind);
    }

    [Fact]
    public async Task BulkDecision_OneForAll_StillNamesItsOwnFields()
    {
        await using var app = new HromadaAppFactory();
        var a = await AdminSeed.SubmitAsync(app);
        using var client = AdminClient.ForAdmin(app);

        var response = await client.PostAsJsonAsync("/api/admin/proposals/bulk/decision",
            new { references = new[] { a.Reference }, outcome = "Accepted", justification = " ", protocolNumber = "11", protocolDate = "2026-11-20" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["justification"], (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);
    }
}
