using System.Globalization;
using Hromada.Admin.Reports;
using Hromada.Bot.Security;
using Hromada.Core.Community;
using Hromada.Core.Proposals;
using Hromada.Core.PublicResults;
using Hromada.Core.Reports;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static Hromada.Bot.PublicPages.PublicHtml;

namespace Hromada.Bot.PublicPages;

/// <summary>
/// The public results of each consultation the working group has published: <c>/results</c> lists them,
/// <c>/results/{id}</c> shows the figures and every decided proposal with its decision (filtered, paged), and
/// <c>/results/{id}/charts/{name}.png</c> are the reports' charts, and
/// <c>/results/{id}/proposals.csv</c> and <c>.json</c> are the same as open data (<see cref="ResultsOpenData"/>).
/// Never the author's name or contacts. An unpublished or unknown consultation answers 404.
/// </summary>
public static class ResultsEndpoints
{
    public static IEndpointRouteBuilder MapResults(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/results").ExcludeFromDescription().RequireRateLimiting(RateLimitPolicies.ResultsPages);
        group.MapGet("", ListAsync).WithName("ResultsList").WithMetadata(RateLimitPolicies.PeoplePage.Instance);
        group.MapGet("/{id:int}", PageAsync).WithName("ResultsPage").WithMetadata(RateLimitPolicies.PeoplePage.Instance);
        group.MapGet("/{id:int}/charts/{name}.png", ChartAsync).WithName("ResultsChart");
        group.MapGet("/{id:int}/proposals.csv", ResultsOpenData.CsvAsync).WithName("ResultsCsv");
        group.MapGet("/{id:int}/proposals.json", ResultsOpenData.JsonAsync).WithName("ResultsJson");
        return endpoints;
    }

    private static async Task<IResult> ListAsync(ResultsReader reader, IOptions<CommunityOptions> community, CancellationToken ct)
    {
        var published = await reader.ListPublishedAsync(ct);
        var page = new PublicHtml(T("Results_ListTitle"), noIndex: false, feed: true)
            .Element("p", community.Value.Name, "community")
            .Element("h1", T("Results_ListTitle"));
        if (published.Count == 0)
        {
            page.Element("p", T("Results_NonePublished"));
        }
        else
        {
            page.Raw("<ul>");
            foreach (var c in published)
            {
                page.Raw($"<li><a href=\"/results/{c.Id}\">").Raw(E(c.Title)).Raw("</a></li>");
            }
            page.Raw("</ul>");
        }
        return Results.Content(page.Finish(T("Results_Footer")), "text/html; charset=utf-8");
    }

    private static async Task<IResult> PageAsync(
        int id, string? sphere, string? settlement, string? outcome, string? q, string? page,
        ResultsReader reader, IOptions<CommunityOptions> community, CancellationToken ct)
    {
        var filter = new ResultsFilter(
            Blank(sphere), Blank(settlement), Parse<DecisionOutcome>(outcome),
            Blank(q) is { } query ? query[..Math.Min(query.Length, ResultsReader.MaxQueryLength)] : null,
            int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1);
        var results = await reader.ReadAsync(id, filter, ct);
        return results is null
            ? NotPublished(community.Value)
            : Results.Content(ResultsHtml.Render(results, filter, community.Value), "text/html; charset=utf-8");
    }

    /// <summary>The charts the page shows: the reports' own (<see cref="ChartRenderer"/>), drawn from the same counts.</summary>
    public static IReadOnlyList<string> ChartNames => ChartRenderer.Names;

    /// <summary>
    /// One of the reports' charts for a published consultation, as PNG, over everything received (no period). The counts
    /// are the representation report's: numbers only, never an author.
    /// </summary>
    private static async Task<IResult> ChartAsync(
        int id, string name, HromadaDbContext db, RepresentationService reports, ChartRenderer charts, IOptions<CommunityOptions> community,
        HttpContext http, CancellationToken ct)
    {
        var consultation = ChartRenderer.Names.Contains(name)
            ? await db.Consultations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.ResultsPublic, ct)
            : null;
        if (consultation is null)
        {
            return NotPublished(community.Value);
        }
        var report = await reports.BuildAsync(consultation, new ReportPeriod(null, null), ct);
        // Drawing costs far more than reading: let browsers and the proxy keep a chart a few minutes.
        http.Response.Headers.CacheControl = "public, max-age=300";
        return Results.File(charts.Render(name, report), "image/png");
    }

    internal static IResult NotPublished(CommunityOptions community)
    {
        var html = new PublicHtml(T("Results_NotPublishedTitle"), noIndex: true)
            .Element("h1", T("Results_NotPublishedTitle"))
            .Element("p", T("Results_NotPublished"))
            .Raw("<p><a href=\"/results\">").Raw(E(T("Results_ListTitle"))).Raw("</a></p>")
            .Finish(community.Name);
        return Results.Content(html, "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
    }

    private static T? Parse<T>(string? value) where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _) ? parsed : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
