using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Hromada.Admin.Exports;
using Hromada.Admin.Reports;
using Hromada.Core.Consultations;
using Hromada.Core.Reports;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Benchmarks;

/// <summary>
/// The working group's reports and the exports on 10,000 and 100,000 proposals. Targets (issue 11): representation
/// ≤ 1 s, CSV ≤ 1.5 s, XLSX ≤ 10 s, DOCX ≤ 15 s at 100,000. Peak memory: run with <c>-- peak</c> (see <see cref="PeakMemory"/>).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class ReportBenchmarks
{
    private ReportDatabase _database = null!;
    private Consultation _consultation = null!;

    [Params(10_000, 100_000)]
    public int Proposals { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _database = ReportDatabase.CreateAsync(Proposals).GetAwaiter().GetResult();
        using var scope = _database.Services.CreateScope();
        _consultation = scope.ServiceProvider.GetRequiredService<HromadaDbContext>().Consultations.AsNoTracking().First();
    }

    [GlobalCleanup]
    public void Cleanup() => _database.Dispose();

    [Benchmark]
    public Task Representation() => ReportOperations.RepresentationAsync(_database.Services, _consultation);

    [Benchmark]
    public Task Csv() => ReportOperations.CsvAsync(_database.Services);

    [Benchmark]
    public Task Xlsx() => ReportOperations.XlsxAsync(_database.Services);

    [Benchmark]
    public Task Docx() => ReportOperations.DocxAsync(_database.Services, _consultation);
}

/// <summary>The four operations as the endpoints run them (files to a temp file deleted on close, CSV to a null stream).</summary>
internal static class ReportOperations
{
    public static async Task RepresentationAsync(IServiceProvider services, Consultation consultation)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RepresentationService>().BuildAsync(consultation, new ReportPeriod(null, null));
    }

    public static async Task CsvAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        await scope.ServiceProvider.GetRequiredService<ProposalExporter>().WriteCsvAsync(Stream.Null, db.Proposals, false, ';', CancellationToken.None);
    }

    public static async Task XlsxAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        await using var file = new ExportScratch().Create();
        await scope.ServiceProvider.GetRequiredService<ProposalExporter>().WriteXlsxAsync(file, db.Proposals, false, CancellationToken.None);
    }

    public static async Task DocxAsync(IServiceProvider services, Consultation consultation)
    {
        await using var scope = services.CreateAsyncScope();
        await using var file = new ExportScratch().Create();
        await scope.ServiceProvider.GetRequiredService<InterimReport>().WriteDocxAsync(file, consultation, new ReportPeriod(null, null), CancellationToken.None);
    }
}
