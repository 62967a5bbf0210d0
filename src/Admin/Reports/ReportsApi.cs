using Hromada.Admin.Auth;
using Hromada.Admin.Commands;
using Hromada.Admin.Exports;
using Hromada.Core.Participation;
using Hromada.Core.Reports;
using Hromada.Core.Storage;
using Hromada.Core.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hromada.Admin.Reports;

/// <summary>
/// The working group's analysis: representation (JSON), the interim report (DOCX), its tables (XLSX), the charts (PNG)
/// and a period summary. For WorkingGroup and Admin keys; no report carries a name or a contact.
/// </summary>
public static class ReportsApi
{
    private const string Scope = " consultation: its id (default: the most recently opened one); from/to: optional local dates YYYY-MM-DD limiting the proposals by the date received.";

    internal static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddSingleton<ChartRenderer>();
        services.AddScoped<InterimReport>();
        return services;
    }

    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder admin)
    {
        var api = admin.MapGroup("/reports").WithTags("Reports").RequireAuthorization(AdminPolicies.WorkingGroup);
        api.MapGet("/representation", RepresentationAsync).WithName("RepresentationReport")
            .WithSummary("Who took part: totals; by channel, author category, social group, business kind; by district and settlement, " +
                         "by where the authors live and by the settlement concerned; by sphere with the most frequent topics and the outcomes; " +
                         "late and unidentified counts; every catalog entry listed even at zero; the protocol's statistics paragraph and the gaps " +
                         "as Ukrainian sentences." + Scope)
            .WithDescription(AuthorIdentity.Description)
            .Produces<RepresentationReport>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/interim.docx", DocxAsync).WithName("InterimReportDocx")
            .WithSummary("The interim report as a Word document: the consultation and its period, the statistics paragraph, the gaps, the charts, " +
                         "and a table of every proposal with the review bodies' positions and the decision." + Scope)
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/interim.xlsx", XlsxAsync).WithName("InterimReportXlsx")
            .WithSummary("The report's tables as an Excel workbook: proposals, by settlement, by sphere, by category (with social groups, business kinds and channels), " +
                         "and the participation figures per month with their targets (for the whole consultation, whatever from/to say)." + Scope)
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/charts/{name}.png", ChartAsync).WithName("ReportChart")
            .WithSummary($"A chart as PNG: {string.Join(", ", ChartRenderer.Names)}." + Scope)
            .Produces(StatusCodes.Status200OK, contentType: "image/png")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/period", PeriodAsync).WithName("PeriodSummary")
            .WithSummary("The analytical summary for any period (from, to: local dates YYYY-MM-DD, both required and included): proposals received " +
                         "(by channel, by sphere, late, unidentified), decisions taken in the period, proposals still without a decision and review " +
                         "routes past their due date at the period's end. consultation: optional, all consultations if absent.")
            .Produces<PeriodSummary>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/weekly", WeeklyAsync).WithName("WeeklySummary")
            .WithSummary("The latest weekly analytical summary as it was sent to the working group (Hromada:WeeklySummary): its week (from, to: " +
                         "local dates, both included), the working day it was due, when it was sent and to how many addresses, the message, and " +
                         "each figure (received, decided, without a decision and with a review overdue at the week's end) beside the week before's; " +
                         "nextDueAt: when the next one goes out. 404 until the first one is written.")
            .Produces<WeeklySummaryView>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/participation", ParticipationAsync).WithName("ParticipationFigures")
            .WithSummary("The IT strategy's participation figures for a consultation, over its period (opening to closing, or today) and per month: " +
                         "proposals by way of arrival and the electronic share (chats, web chat, e-mail, forms against paper, reception and the ЦНАП); " +
                         "distinct residents who wrote to the bot, who submitted, who subscribed; announcements' reach (deliveries per target, distinct " +
                         "subscribers reached, public posts); each target from Hromada:Participation beside the measured value. " +
                         "consultation: its id (default: the most recently opened one).")
            .Produces<ParticipationReport>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return admin;
    }

    internal sealed class ConsultationQuery
    {
        [FromQuery] public string? Consultation { get; set; }
    }

    private static async Task<IResult> ParticipationAsync([AsParameters] ConsultationQuery query, HromadaDbContext db,
        ParticipationService participation, CancellationToken ct)
    {
        var (scope, error) = await ReportScope.ParseAsync(db, query.Consultation, null, null, ct);
        if (error is not null)
        {
            return error;
        }
        return TypedResults.Ok(await participation.BuildAsync(scope!.Consultation, ct));
    }

    internal sealed class ScopeQuery
    {
        [FromQuery] public string? Consultation { get; set; }
        [FromQuery] public string? From { get; set; }
        [FromQuery] public string? To { get; set; }
    }

    private static async Task<IResult> RepresentationAsync([AsParameters] ScopeQuery query, HromadaDbContext db,
        RepresentationService reports, CancellationToken ct)
    {
        var (scope, error) = await ReportScope.ParseAsync(db, query.Consultation, query.From, query.To, ct);
        if (error is not null)
        {
            return error;
        }
        return TypedResults.Ok(await reports.BuildAsync(scope!.Consultation, scope.Period, ct));
    }

    internal static async Task<IResult> ChartAsync(string name, [AsParameters] ScopeQuery query, HromadaDbContext db,
        RepresentationService reports, ChartRenderer charts, CancellationToken ct)
    {
        if (!ChartRenderer.Names.Contains(name))
        {
            return TypedResults.NotFound(new ProblemDetails
            {
                Status = 404,
                Title = ApiLanguage.Pick("No such chart", "Такої діаграми немає"),
                Detail = ApiLanguage.Pick($"There is no chart '{name}'. Charts: {string.Join(", ", ChartRenderer.Names)}.",
                    $"Діаграми «{name}» немає. Діаграми: {string.Join(", ", ChartRenderer.Names)}."),
            });
        }
        var (scope, error) = await ReportScope.ParseAsync(db, query.Consultation, query.From, query.To, ct);
        if (error is not null)
        {
            return error;
        }
        var report = await reports.BuildAsync(scope!.Consultation, scope.Period, ct);
        return TypedResults.File(charts.Render(name, report), "image/png");
    }

    internal static async Task<IResult> DocxAsync([AsParameters] ScopeQuery query, HromadaDbContext db, InterimReport interim,
        ExportScratch scratch, ILoggerFactory loggers, HttpContext http, CancellationToken ct)
    {
        var (scope, error) = await ReportScope.ParseAsync(db, query.Consultation, query.From, query.To, ct);
        if (error is not null)
        {
            return error;
        }
        return await ExportsApi.SendBuiltFileAsync(http, scratch, loggers.CreateLogger("Hromada.Admin.Reports"),
            $"interim-report-{scope!.Consultation.Id}.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            file => interim.WriteDocxAsync(file, scope.Consultation, scope.Period, ct), ct);
    }

    internal static async Task<IResult> XlsxAsync([AsParameters] ScopeQuery query, HromadaDbContext db, InterimReport interim,
        ExportScratch scratch, ILoggerFactory loggers, HttpContext http, CancellationToken ct)
    {
        var (scope, error) = await ReportScope.ParseAsync(db, query.Consultation, query.From, query.To, ct);
        if (error is not null)
        {
            return error;
        }
        return await ExportsApi.SendBuiltFileAsync(http, scratch, loggers.CreateLogger("Hromada.Admin.Reports"),
            $"interim-report-{scope!.Consultation.Id}.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            file => interim.WriteXlsxAsync(file, scope.Consultation, scope.Period, ct), ct);
    }

    private static async Task<IResult> WeeklyAsync(WeeklySummaries weekly, TimeProvider time, CancellationToken ct) =>
        await weekly.LatestViewAsync(ct) is { } view
            ? TypedResults.Ok(view)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No weekly summary yet",
                detail: weekly.NextDueAt(time.GetUtcNow()) is { } next
                    ? $"The first one is written at {next:yyyy-MM-dd HH:mm} UTC (Hromada:WeeklySummary)."
                    : "The weekly summary is off (Hromada:WeeklySummary:Enabled).");

    private static async Task<IResult> PeriodAsync([AsParameters] ScopeQuery query, HromadaDbContext db, PeriodSummaryService summaries,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (from, to) = ReportScope.ParsePeriod(query.From, query.To, errors);
        if (string.IsNullOrWhiteSpace(query.From)) errors.Add("from", "'from' is required (YYYY-MM-DD).", "Потрібна дата «from» (РРРР-ММ-ДД).");
        if (string.IsNullOrWhiteSpace(query.To)) errors.Add("to", "'to' is required (YYYY-MM-DD).", "Потрібна дата «to» (РРРР-ММ-ДД).");
        Hromada.Core.Consultations.Consultation? consultation = null;
        if (!string.IsNullOrWhiteSpace(query.Consultation))
        {
            if (!int.TryParse(query.Consultation, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
            {
                errors.Add("consultation", $"'{query.Consultation}' is not a consultation id (a whole number).", $"«{query.Consultation}» — не номер консультації (ціле число).");
            }
            else if (!errors.Any)
            {
                consultation = await db.Consultations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
                if (consultation is null)
                {
                    return TypedResults.NotFound(new ProblemDetails { Status = 404, Title = ApiLanguage.Pick("No such consultation", "Такої консультації немає"), Detail = ApiLanguage.Pick($"There is no consultation {id}.", $"Консультації {id} немає.") });
                }
            }
        }
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToApi(), title: ApiLanguage.Pick("The period is not valid", "Період неправильний"));
        }
        return TypedResults.Ok(await summaries.BuildAsync(from!.Value, to!.Value, consultation, ct));
    }
}
