using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Hromada.Admin.Exports;
using Hromada.Core.Community;
using Hromada.Core.PublicResults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using static Hromada.Bot.PublicPages.PublicHtml;

namespace Hromada.Bot.PublicPages;

/// <summary>
/// A published consultation's proposals as open data at stable addresses, <c>/results/{id}/proposals.csv</c> and
/// <c>/results/{id}/proposals.json</c>: the same columns in both (<see cref="Columns"/>, described in the README),
/// no personal data, a hidden text left empty with the reason beside it.
/// </summary>
public static class ResultsOpenData
{
    /// <summary>The columns, in order (documented in the README, "The results page and open data").</summary>
    public static readonly string[] Columns =
    [
        "reference", "received_date", "late", "sphere", "topic", "settlement", "text", "text_hidden_reason",
        "status", "outcome", "outcome_label", "justification", "protocol_number", "protocol_date", "decided_date",
    ];

    private static readonly JsonWriterOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All), Indented = false };

    /// <summary>CSV for Excel: UTF-8 with a BOM, ';' between fields (or <c>?delimiter=comma</c>), every field quoted, formulas neutralised.</summary>
    internal static async Task<IResult> CsvAsync(
        int id, string? delimiter, ResultsReader reader, HttpContext http, CancellationToken ct)
    {
        var separator = delimiter?.Trim().ToLowerInvariant() switch
        {
            null or "" or ";" or "semicolon" => ';',
            "," or "comma" => ',',
            _ => '\0',
        };
        if (separator == '\0')
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Unknown delimiter",
                Detail = "Use delimiter=semicolon (the default, for Excel) or delimiter=comma.",
            });
        }
        if (await reader.ReadAllAsync(id, ct) is not { } data)
        {
            return NotPublished(id);
        }
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"results-{id}.csv\"";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true);
        var csv = new CsvWriter(writer, separator);
        await csv.WriteRowAsync(Columns);
        await foreach (var item in data.Items.WithCancellation(ct))
        {
            await csv.WriteRowAsync(Values(item).Select(v => v switch
            {
                null => "",
                bool b => b ? "true" : "false",
                _ => (string)v,
            }).ToList());
        }
        await writer.FlushAsync(ct);
        return TypedResults.Empty;
    }

    // A portal harvesting the data reads a ProblemDetails, not the people's HTML page.
    private static ProblemHttpResult NotPublished(int id) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Results not published",
        Detail = $"Consultation {id} does not exist or its results are not published.",
    });

    /// <summary>JSON: the consultation and its proposals, each an object with the CSV's columns (empty values are null, "late" a boolean).</summary>
    internal static async Task<IResult> JsonAsync(int id, ResultsReader reader, HttpContext http, IOptions<CommunityOptions> community, CancellationToken ct)
    {
        if (await reader.ReadAllAsync(id, ct) is not { } data)
        {
            return NotPublished(id);
        }
        http.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(http.Response.Body, Json);
        json.WriteStartObject();
        json.WriteNumber("consultation_id", data.Consultation.Id);
        json.WriteString("consultation", data.Consultation.Title);
        json.WriteString("hromada", community.Value.Name);
        json.WriteStartArray("proposals");
        await foreach (var item in data.Items.WithCancellation(ct))
        {
            var values = Values(item);
            json.WriteStartObject();
            for (var i = 0; i < Columns.Length; i++)
            {
                switch (values[i])
                {
                    case bool b:
                        json.WriteBoolean(Columns[i], b);
                        break;
                    case string { Length: > 0 } s:
                        json.WriteString(Columns[i], s);
                        break;
                    default:
                        json.WriteNull(Columns[i]);
                        break;
                }
            }
            json.WriteEndObject();
            await json.FlushAsync(ct);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(ct);
        return TypedResults.Empty;
    }

    private static object?[] Values(ResultsItem p) =>
    [
        p.Reference,
        IsoDate(p.ReceivedAt),
        p.IsLate,
        p.Sphere,
        p.Topic,
        p.Settlement,
        p.Text,
        p.HiddenReason,
        p.Status.ToString(),
        p.Outcome?.ToString(),
        p.Outcome is { } o ? T($"Outcome_{o}") : null,
        p.Justification,
        p.ProtocolNumber,
        p.ProtocolDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        p.DecidedAt is { } at ? IsoDate(at) : null,
    ];

    private static string IsoDate(DateTimeOffset local) => local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
