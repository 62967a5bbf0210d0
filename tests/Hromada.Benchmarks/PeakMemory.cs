using System.Diagnostics;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/Hromada.Benchmarks -- peak [sizes…]</c>: for each database size, runs each
/// report operation once to warm up, then three times measured, and prints the fastest time and the peak memory the
/// operation added (managed heap above what was live before it, sampled every 2 ms, and the process's peak working set).
/// </summary>
internal static class PeakMemory
{
    /// <summary>Measured runs per operation: the fastest time is reported (the machine may be shared), and the largest peak.</summary>
    private const int Runs = 3;

    private static async Task<(TimeSpan Time, long PeakAdded, long PeakWorkingSet)> MeasureAsync(Func<Task> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = baseline;
        var sampling = true;
        var sampler = new Thread(() =>
        {
            while (Volatile.Read(ref sampling))
            {
                var now = GC.GetTotalMemory(false);
                if (now > Interlocked.Read(ref peak)) Interlocked.Exchange(ref peak, now);
                Thread.Sleep(2);
            }
        }) { IsBackground = true };
        sampler.Start();
        var clock = Stopwatch.StartNew();
        await run();
        clock.Stop();
        Volatile.Write(ref sampling, false);
        sampler.Join();
        using var process = Process.GetCurrentProcess();
        return (clock.Elapsed, peak - baseline, process.PeakWorkingSet64);
    }

    public static async Task RunAsync(string[] args)
    {
        var sizes = args.Length > 0 ? args.Select(int.Parse).ToArray() : [10_000, 50_000, 100_000];
        Console.WriteLine("| proposals | operation | time | peak managed heap added | peak working set |");
        Console.WriteLine("| ---: | --- | ---: | ---: | ---: |");
        foreach (var size in sizes)
        {
            using var database = await ReportDatabase.CreateAsync(size);
            Hromada.Core.Consultations.Consultation consultation;
            await using (var scope = database.Services.CreateAsyncScope())
            {
                consultation = await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().Consultations.AsNoTracking().FirstAsync();
            }
            var operations = new (string Name, Func<Task> Run)[]
            {
                ("representation", () => ReportOperations.RepresentationAsync(database.Services, consultation)),
                ("CSV export", () => ReportOperations.CsvAsync(database.Services)),
                ("XLSX export", () => ReportOperations.XlsxAsync(database.Services)),
                ("DOCX interim report", () => ReportOperations.DocxAsync(database.Services, consultation)),
            };
            foreach (var (name, run) in operations)
            {
                await run();
                var best = TimeSpan.MaxValue;
                long worstPeak = 0;
                long workingSet = 0;
                for (var attempt = 0; attempt < Runs; attempt++)
                {
                    var (time, peak, ws) = await MeasureAsync(run);
                    best = time < best ? time : best;
                    worstPeak = Math.Max(worstPeak, peak);
                    workingSet = Math.Max(workingSet, ws);
                }
                Console.WriteLine($"| {size:N0} | {name} | {best.TotalSeconds:F2} s | {worstPeak / 1048576.0:F0} MB | {workingSet / 1048576.0:F0} MB |");
            }
        }
    }
}
