using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hromada.Bot.Tests.AdminWeb;
using Hromada.Bot.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Hromada.Bot.Tests.Admin;

/// <summary>Issue 25 item 8: dates at the edges (0001-01-01, 9999-12-31) answered 500; now a 400 naming the field.</summary>
public sealed class InputBoundsTests
{
    [Theory]
    [InlineData("/api/admin/proposals?from=0001-01-01", "from")]
    [InlineData("/api/admin/proposals?to=9999-12-31", "to")]
    [InlineData("/api/admin/exports/proposals.csv?from=0001-01-01", "from")]
    [InlineData("/api/admin/exports/proposals.xlsx?to=9999-12-31", "to")]
    [InlineData("/api/admin/reports/representation?to=9999-12-31", "to")]
    [InlineData("/api/admin/reports/interim.docx?from=0001-01-01", "from")]
    [InlineData("/api/admin/reports/period?from=0001-01-01&to=2026-12-01", "from")]
    [InlineData("/api/admin/reports/period?from=2026-11-01&to=9999-12-31", "to")]
    public async Task ADateOutside2000To2100_InAQuery_Is400NamingTheField(string path, string field)
    {
        await using var app = new HromadaAppFactory();
        using var client = AdminClient.ForAdmin(app);

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Contains(field, problem!.Errors.Keys);
        Assert.Contains("2000", problem.Errors[field][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConsultationFrom0001To9999_IsRefusedNamingBothFields()
    {
        await using var app = new HromadaAppFactory();
        using var client = AdminClient.ForAdmin(app);

        var response = await client.PostAsJsonAsync("/api/admin/consultations", new
        {
            title = "Бюджет участі на всі часи",
            opensAt = "0001-01-01T00:00:00+00:00",
            deadline = "9999-12-31T00:00:00+00:00",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Contains("opensAt", problem!.Errors.Keys);
        Assert.Contains("deadline", problem.Errors.Keys);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/admin/consultations");
        Assert.DoesNotContain(list.EnumerateArray(), c => c.GetProperty("title").GetString() == "Бюджет участі на всі часи");
    }

    [Fact]
    public async Task AnAnnouncementRuleCountingBackFrom0001_01_02_Is400NamingTheRulesDate()
    {
        await using var app = new HromadaAppFactory();
        using var client = AdminClient.ForAdmin(app);

        var response = await client.PostAsJsonAsync("/api/admin/announcements", new
        {
            text = "Текст",
            targets = new[] { "Feed" },
            rule = new { workingDays = 3, before = "0001-01-02", at = "10:00" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Contains("rule.before", problem!.Errors.Keys);
    }

    [Theory]
    [InlineData("/admin/proposals?from=0001-01-01", "from")]
    [InlineData("/admin/proposals?to=9999-12-31", "to")]
    public async Task TheProposalsPage_WithAnEdgeDate_SaysWhichFieldInsteadOfA500(string path, string field)
    {
        await using var app = new HromadaAppFactory();
        using var web = await WebSessionClient.SignInAsync(app, HromadaAppFactory.TestAdminKey);

        var response = await web.Http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = WebSessionClient.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains(field + ":", text, StringComparison.Ordinal);
        Assert.Contains("поза межами 2000–2100", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheNewConsultationForm_WithAnOpeningIn0001_SaysSoInsteadOfA500()
    {
        await using var app = new HromadaAppFactory();
        using var web = await WebSessionClient.SignInAsync(app, HromadaAppFactory.TestAdminKey);

        var response = await web.PostFormAsync("/admin/consultations/new", "/admin/consultations/new", [
            new("Input.Title", "Назавжди"), new("Input.OpensAt", "0001-01-01T09:00"), new("Input.Deadline", "2026-12-31T18:00")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = WebSessionClient.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("Input.opensAt:", text, StringComparison.Ordinal);
    }
}
