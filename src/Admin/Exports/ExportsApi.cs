using Hromada.Admin.Auth;
using Hromada.Admin.Commands;
using Hromada.Admin.Proposals;
using Hromada.Core.Audit;
using Hromada.Core.Community;
using Hromada.Core.Storage;
using Hromada.Core.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Hromada.Admin.Exports;

/// <summary>
/// Exports of proposals with the list's filters, as CSV, XLSX or JSON. Rows are read in batches and written as they
/// come, so memory stays flat however many proposals there are. Personal fields only for Admin keys that ask.
/// Texts are cleaned of characters a file cannot hold, labels are Ukrainian, and spreadsheet formulas are neutralised.
/// </summary>
public static class ExportsApi
{
    public static RouteGroupBuilder MapExportsApi(this RouteGroupBuilder admin)
    {
        var api = admin.MapGroup("/exports").WithTags("Exports").RequireAuthorization(AdminPolicies.WorkingGroup);
        api.MapGet("/proposals.csv", CsvAsync).WithName("ExportCsv")
            .WithSummary("CSV in UTF-8 with a BOM; delimiter ';' (Ukrainian Excel) or delimiter=comma; every field quoted, and a field beginning with = + - @, a tab or CR is prefixed with ' so a spreadsheet reads it as text (OWASP). Same filters as the list. includePersonal=true (Admin only, audited) adds the author's fields.");
        api.MapGet("/proposals.xlsx", XlsxAsync).WithName("ExportXlsx")
            .WithSummary("The same rows as an Excel workbook: every value is text (phones keep their +), values that look like formulas carry Excel's quote prefix.");
        api.MapGet("/proposals.json", JsonAsync).WithName("ExportJson").WithSummary("The same rows as a JSON array of objects keyed by the column headers.");
        return admin;
    }

    internal sealed class ExportOptions
    {
        [FromQuery] public bool? IncludePersonal { get; set; }
        [FromQuery] public string? Delimiter { get; set; }
    }

    internal static async Task<IResult> CsvAsync([AsParameters] ProposalFilter filter, [AsParameters] ExportOptions options,
        HromadaDbContext db, CommunityClock clock, ProposalExporter exporter, AuditLog audit, ILoggerFactory loggers, HttpContext http, CancellationToken ct)
    {
        var delimiter = options.Delimiter?.ToLowerInvariant() switch
        {
            null or "" or ";" or "semicolon" => ';',
            "," or "comma" => ',',
            _ => '\0',
        };
        if (delimiter == '\0')
        {
            return TypedResults.ValidationProblem(new FieldErrors().Add("delimiter", "Use 'semicolon' (default) or 'comma'.", "Вкажіть «semicolon» (типово) або «comma».").ToApi(),
                title: ApiLanguage.Pick("Unknown delimiter", "Невідомий роздільник"));
        }
        if (await StartAsync(db, audit, loggers, http, options, "csv", ct) is { } forbidden)
        {
            return forbidden;
        }
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"proposals.csv\"";
        await exporter.WriteCsvAsync(http.Response.Body, filter.Apply(db.Proposals, clock.StartOfDay, clock.Today), options.IncludePersonal == true, delimiter, ct);
        return TypedResults.Empty;
    }

    internal static async Task<IResult> XlsxAsync([AsParameters] ProposalFilter filter, [AsParameters] ExportOptions options,
        HromadaDbContext db, CommunityClock clock, ProposalExporter exporter, ExportScratch scratch, AuditLog audit, ILoggerFactory loggers,
        HttpContext http, CancellationToken ct)
    {
        if (await StartAsync(db, audit, loggers, http, options, "xlsx", ct) is { } forbidden)
        {
            return forbidden;
        }
        var query = filter.Apply(db.Proposals, clock.StartOfDay, clock.Today);
        return await SendBuiltFileAsync(http, scratch, loggers.CreateLogger("Hromada.Admin.Exports"), "proposals.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            file => exporter.WriteXlsxAsync(file, query, options.IncludePersonal == true, ct), ct);
    }

    internal static async Task<IResult> JsonAsync([AsParameters] ProposalFilter filter, [AsParameters] ExportOptions options,
        HromadaDbContext db, CommunityClock clock, ProposalExporter exporter, AuditLog audit, ILoggerFactory loggers, HttpContext http, CancellationToken ct)
    {
        if (await StartAsync(db, audit, loggers, http, options, "json", ct) is { } forbidden)
        {
            return forbidden;
        }
        http.Response.ContentType = "application/json; charset=utf-8";
        await exporter.WriteJsonAsync(http.Response.Body, filter.Apply(db.Proposals, clock.StartOfDay, clock.Today), options.IncludePersonal == true, ct);
        return TypedResults.Empty;
    }

    /// <summary>
    /// Builds a file in scratch space, then sends it. If building fails, the real cause is logged and answered as a
    /// 500 problem that names it — never half a file, never a cleanup error in its place.
    /// </summary>
    internal static async Task<IResult> SendBuiltFileAsync(HttpContext http, ExportScratch scratch, ILogger logger, string fileName,
        string contentType, Func<Stream, Task> build, CancellationToken ct)
    {
        await using var file = scratch.Create();
        try
        {
            await build(file);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Building {File} failed: {Cause}", fileName, ex.Message);
            return TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: ApiLanguage.Pick($"{fileName} could not be built", $"Не вдалося створити {fileName}"),
                detail: ex.Message);
        }
        file.Position = 0;
        http.Response.ContentType = contentType;
        http.Response.ContentLength = file.Length;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        await file.CopyToAsync(http.Response.Body, ct);
        return TypedResults.Empty;
    }

    /// <summary>Checks who may see personal fields and audits an export that includes them.</summary>
    private static async Task<IResult?> StartAsync(HromadaDbContext db, AuditLog audit, ILoggerFactory loggers, HttpContext http,
        ExportOptions options, string format, CancellationToken ct)
    {
        if (options.IncludePersonal == true)
        {
            if (!http.User.IsAdmin())
            {
                return TypedResults.Problem(statusCode: 403, title: ApiLanguage.Pick("Only an Admin key may export personal data", "Персональні дані експортує лише ключ адміністратора"),
                    detail: ApiLanguage.Pick("Drop includePersonal=true, or ask an administrator.", "Приберіть includePersonal=true або зверніться до адміністратора."));
            }
            audit.Record(http.User.ActorName(), format, new PersonalDataExported(new ExportState(http.Request.QueryString.Value)));
            await db.SaveChangesAsync(ct);
            loggers.CreateLogger("Hromada.Admin.Exports").LogWarning(
                "{Actor} exported proposals with personal data ({Format}, {Query})", http.User.ActorName(), format, http.Request.QueryString.Value);
        }
        return null;
    }
}
