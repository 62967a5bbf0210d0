using System.Text;
using System.Text.Json;
using Hromada.Admin.Auth;
using Hromada.Admin.Proposals;
using Hromada.Core.Audit;
using Hromada.Core.Community;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hromada.Admin.Exports;

/// <summary>
/// Exports of proposals with the list's filters, as CSV, XLSX or JSON. Rows are read in batches and written straight to
/// the response, so memory stays flat however many proposals there are. Personal fields only for Admin keys that ask.
/// </summary>
public static class ExportsApi
{
    private const int BatchSize = 500;

    public static RouteGroupBuilder MapExportsApi(this RouteGroupBuilder admin)
    {
        var api = admin.MapGroup("/exports").WithTags("Exports").RequireAuthorization(AdminPolicies.WorkingGroup);
        api.MapGet("/proposals.csv", CsvAsync).WithName("ExportCsv")
            .WithSummary("CSV in UTF-8 with a BOM; delimiter ';' (Ukrainian Excel) or delimiter=comma. Same filters as the list. includePersonal=true (Admin only, audited) adds the author's fields.");
        api.MapGet("/proposals.xlsx", XlsxAsync).WithName("ExportXlsx").WithSummary("The same rows as an Excel workbook.");
        api.MapGet("/proposals.json", JsonAsync).WithName("ExportJson").WithSummary("The same rows as a JSON array of objects keyed by the column headers.");
        return admin;
    }

    internal sealed class ExportOptions
    {
        [FromQuery] public bool? IncludePersonal { get; set; }
        [FromQuery] public string? Delimiter { get; set; }
    }

    internal sealed class ExportContext
    {
        public required HromadaDbContext Db { get; init; }
        public required CommunityClock Clock { get; init; }
        public required AuditLog Audit { get; init; }
        public required ILoggerFactory Loggers { get; init; }
        public required HttpContext Http { get; init; }
    }

    private static async Task<IResult> CsvAsync([AsParameters] ProposalFilter filter, [AsParameters] ExportOptions options,
        HromadaDbContext db, CommunityClock clock, AuditLog audit, ILoggerFactory loggers, HttpContext http, CancellationToken ct)
    {
        var delimiter = options.Delimiter?.ToLowerInvariant() switch
        {
            null or "" or ";" or "semicolon" => ';',
            "," or "comma" => ',',
            _ => '\0',
        };
        if (delimiter == '\0')
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["delimiter"] = ["Use 'semicolon' (default) or 'comma'."] },
                title: "Unknown delimiter");
        }
        var ctx = new ExportContext { Db = db, Clock = clock, Audit = audit, Loggers = loggers, Http = http };
        if (await StartAsync(ctx, filter, options, "csv", ct) is { } forbidden)
        {
            return forbidden;
        }
        var personal = options.IncludePersonal == true;
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"proposals.csv\"";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 16 * 1024);
        var csv = new CsvWriter(writer, delimiter);
        await csv.WriteRowAsync(ExportRow.Header(personal));
        await foreach (var p in ReadAsync(ctx, filter, ct))
        {
            await csv.WriteRowAsync(ExportRow.Values(p, personal, clock));
        }
        return TypedResults.Empty;
    }

    private static async Task<IResult> XlsxAsync([AsParameters] ProposalFilter filter, [AsParameters] ExportOptions options,
        HromadaDbContext db, CommunityClock clock, AuditLog audit, ILoggerFactory loggers, HttpContext http, CancellationToken ct)
    {
        var ctx = new ExportContext { Db = db, Clock = clock, Audit = audit, Loggers = loggers, Http = http };
        if (await StartAsync(ctx, filter, options, "xlsx", ct) is { } forbidden)
        {
            return forbidden;
        }
        var personal = options.IncludePersonal == true;
        // OpenXML writes synchronously and needs to seek, so the workbook is built in a temp file, then streamed.
        var path = Path.GetTempFileName();
        await using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        using (var xlsx = new XlsxWriter(file))
        {
            xlsx.WriteRow(ExportRow.Header(personal));
            await foreach (var p in ReadAsync(ctx, filter, ct))
            {
                xlsx.WriteRow(ExportRow.Values(p, personal, clock));
            }
        }
        file.Position = 0;
        http.Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"proposals.xlsx\"";
        await file.CopyToAsync(http.Response.Body, ct);
        return TypedResults.Empty;
    }

    private static async Task<IResult> JsonAsync([AsParameters] ProposalFilter filter, [AsParameters] ExportOptions options,
        HromadaDbContext db, CommunityClock clock, AuditLog audit, ILoggerFactory loggers, HttpContext http, CancellationToken ct)
    {
        var ctx = new ExportContext { Db = db, Clock = clock, Audit = audit, Loggers = loggers, Http = http };
        if (await StartAsync(ctx, filter, options, "json", ct) is { } forbidden)
        {
            return forbidden;
        }
        var personal = options.IncludePersonal == true;
        var header = ExportRow.Header(personal);
        http.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(http.Response.Body, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartArray();
        await foreach (var p in ReadAsync(ctx, filter, ct))
        {
            var values = ExportRow.Values(p, personal, clock);
            json.WriteStartObject();
            for (var i = 0; i < header.Length; i++)
            {
                json.WriteString(header[i], values[i]);
            }
            json.WriteEndObject();
            if (json.BytesPending > 16 * 1024)
            {
                await json.FlushAsync(ct);
            }
        }
        json.WriteEndArray();
        await json.FlushAsync(ct);
        return TypedResults.Empty;
    }

    /// <summary>Checks who may see personal fields and audits an export that includes them.</summary>
    private static async Task<IResult?> StartAsync(ExportContext ctx, ProposalFilter filter, ExportOptions options, string format, CancellationToken ct)
    {
        if (options.IncludePersonal == true)
        {
            if (!ctx.Http.User.IsAdmin())
            {
                return TypedResults.Problem(statusCode: 403, title: "Only an Admin key may export personal data",
                    detail: "Drop includePersonal=true, or ask an administrator.");
            }
            ctx.Audit.Record(ctx.Http.User.ActorName(), "Export", format, "Exported with personal data", null,
                new { Query = ctx.Http.Request.QueryString.Value });
            await ctx.Db.SaveChangesAsync(ct);
            ctx.Loggers.CreateLogger("Hromada.Admin.Exports").LogWarning(
                "{Actor} exported proposals with personal data ({Format}, {Query})", ctx.Http.User.ActorName(), format, ctx.Http.Request.QueryString.Value);
        }
        return null;
    }

    private static async IAsyncEnumerable<Proposal> ReadAsync(ExportContext ctx, ProposalFilter filter,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var ids = filter.Apply(ctx.Db.Proposals.AsNoTracking(), ctx.Clock.StartOfDay, ctx.Clock.Today).Select(p => p.Id);
        var lastId = 0;
        while (true)
        {
            var from = lastId;
            var batch = await ctx.Db.WithEverything().AsNoTracking()
                .Where(p => p.Id > from && ids.Contains(p.Id))
                .OrderBy(p => p.Id).Take(BatchSize).ToListAsync(ct);
            foreach (var p in batch)
            {
                yield return p;
            }
            if (batch.Count < BatchSize)
            {
                yield break;
            }
            lastId = batch[^1].Id;
        }
    }
}
