using System.Net;
using System.Net.Http.Json;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Core.Access;

namespace Hromada.Bot.Tests.Admin;

/// <summary>Who may call what: 403 for a role that may not, never 200.</summary>
public sealed class RoleMatrixTests
{
    [Theory]
    [InlineData("GET", "/api/admin/proposals", AdminRole.WorkingGroup, HttpStatusCode.OK)]
    [InlineData("GET", "/api/admin/proposals", AdminRole.Reviewer, HttpStatusCode.OK)]
    [InlineData("GET", "/api/admin/proposals", AdminRole.Communications, HttpStatusCode.Forbidden)]
    [InlineData("GET", "/api/admin/catalogs", AdminRole.Communications, HttpStatusCode.Forbidden)]
    [InlineData("GET", "/api/admin/exports/proposals.csv", AdminRole.WorkingGroup, HttpStatusCode.OK)]
    [InlineData("GET", "/api/admin/exports/proposals.csv", AdminRole.Reviewer, HttpStatusCode.Forbidden)]
    [InlineData("GET", "/api/admin/exports/proposals.csv?includePersonal=true", AdminRole.Admin, HttpStatusCode.OK)]
    [InlineData("POST", "/api/admin/proposals/{ref}/decision", AdminRole.WorkingGroup, HttpStatusCode.OK)]
    [InlineData("POST", "/api/admin/proposals/{ref}/decision", AdminRole.Reviewer, HttpStatusCode.Forbidden)]
    [InlineData("POST", "/api/admin/proposals/{ref}/decision", AdminRole.Communications, HttpStatusCode.Forbidden)]
    [InlineData("PUT", "/api/admin/proposals/{ref}/flags", AdminRole.Reviewer, HttpStatusCode.Forbidden)]
    [InlineData("POST", "/api/admin/proposals", AdminRole.Reviewer, HttpStatusCode.Forbidden)]
    [InlineData("POST", "/api/admin/imports/google-forms", AdminRole.Communications, HttpStatusCode.Forbidden)]
    [InlineData("POST", "/api/admin/consultations/1/close", AdminRole.Reviewer, HttpStatusCode.Forbidden)]
    public async Task Role_GetsWhatItMay(string method, string path, AdminRole role, HttpStatusCode expected)
    {
        await using var app = new HromadaAppFactory();
        var p = await AdminSeed.SubmitAsync(app);
        using var client = role == AdminRole.Admin
            ? AdminClient.ForAdmin(app)
            : await AdminClient.ForRoleAsync(app, role, role == AdminRole.Reviewer ? "sg-infrastructure" : null);
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{ref}", p.Reference, StringComparison.Ordinal));
        if (method != "GET")
        {
            request.Content = JsonContent.Create(new
            {
                outcome = "Accepted",
                justification = "Підтримано робочою групою",
                protocolNumber = "1",
                protocolDate = "2026-11-20",
                offTopic = false,
            });
        }

        var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }
}
