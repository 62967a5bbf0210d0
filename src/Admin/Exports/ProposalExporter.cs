using System.Text;
using System.Text.Json;
using Hromada.Core.Community;
using Hromada.Core.Proposals;
using Hromada.Core.Reports;

namespace Hromada.Admin.Exports;

/// <summary>Writes proposals as CSV, XLSX or JSON, streaming them from the database a batch at a time.</summary>
public sealed class ProposalExporter(ProposalRowReader rows, CommunityClock clock)
{
    /// <summary>UTF-8 with a BOM (what Excel needs to read Ukrainian), every field quoted, formulas neutralised.</summary>
    public async Task WriteCsvAsync(Stream output, IQueryable<Proposal> proposals, bool personal, char delimiter, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true);
        var csv = new CsvWriter(writer, delimiter);
        await csv.WriteRowAsync(ExportRow.Header(personal));
        await foreach (var p in rows.ReadAsync(proposals, personal, ct))
        {
            await csv.WriteRowAsync(ExportRow.Values(p, personal, clock));
        }
        await writer.FlushAsync(ct);
    }

    /// <summary>
    /// The workbook. A row that cannot be written stops the export with an exception that names the proposal and
    /// carries the real cause (never the writer's "closed or in error state" from cleaning up after it).
    /// </summary>
    public async Task WriteXlsxAsync(Stream output, IQueryable<Proposal> proposals, bool personal, CancellationToken ct)
    {
        using var xlsx = new XlsxWriter(output, [new SheetSpec("Пропозиції", ExportRow.Widths(personal))]);
        xlsx.NextSheet();
        xlsx.WriteHeader(ExportRow.Header(personal));
        await foreach (var p in rows.ReadAsync(proposals, personal, ct))
        {
            try
            {
                xlsx.WriteRow(ExportRow.Values(p, personal, clock));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new ExportFailedException($"Proposal {p.Reference} could not be written to the workbook: {ex.Message}", ex);
            }
        }
        xlsx.Complete();
    }

    public async Task WriteJsonAsync(Stream output, IQueryable<Proposal> proposals, bool personal, CancellationToken ct)
    {
        var header = ExportRow.Header(personal);
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartArray();
        await foreach (var p in rows.ReadAsync(proposals, personal, ct))
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
    }
}

/// <summary>An export or report file could not be written; the message says which proposal and why.</summary>
public sealed class ExportFailedException(string message, Exception inner) : Exception(message, inner);

/// <summary>Where a file is built before it is sent (so a failure is a clean 500, not half a file): a temp file deleted on close.</summary>
public class ExportScratch
{
    public virtual Stream Create() => new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None,
        64 * 1024, FileOptions.DeleteOnClose);
}
