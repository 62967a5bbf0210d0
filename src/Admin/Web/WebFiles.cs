using Hromada.Admin.Auth;
using Hromada.Admin.Exports;
using Hromada.Admin.Meetings;
using Hromada.Admin.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hromada.Admin.Web;

/// <summary>
/// The files the page links to — exports, the interim report, the charts — served by the API's own handlers (same
/// filters, same personal-data rule and audit) under <c>/admin</c>, where the session cookie reaches them.
/// </summary>
internal static class WebFiles
{
    public static IEndpointRouteBuilder MapAdminFiles(this IEndpointRouteBuilder endpoints)
    {
        var files = endpoints.MapGroup("/admin").RequireAuthorization(AdminPolicies.Web.WorkingGroup).ExcludeFromDescription();
        files.MapGet("/exports/proposals.csv", ExportsApi.CsvAsync);
        files.MapGet("/exports/proposals.xlsx", ExportsApi.XlsxAsync);
        files.MapGet("/exports/proposals.json", ExportsApi.JsonAsync);
        // Review bodies get the interim report too (the working group sends them the link); it carries no personal data.
        endpoints.MapGroup("/admin").RequireAuthorization(AdminPolicies.Web.Review).ExcludeFromDescription()
            .MapGet("/reports/interim.docx", ReportsApi.DocxAsync);
        files.MapGet("/reports/interim.xlsx", ReportsApi.XlsxAsync);
        files.MapGet("/reports/charts/{name}.png", ReportsApi.ChartAsync);
        files.MapGet("/meetings/{id:int}/protocol.docx", MeetingsApi.ProtocolAsync);
        return endpoints;
    }
}
