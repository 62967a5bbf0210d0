using BenchmarkDotNet.Running;
using Hromada.Benchmarks;

if (args.Length > 0 && args[0] == "peak")
{
    await PeakMemory.RunAsync(args[1..]);
    return 0;
}
if (args.Length == 3 && args[0] == "make-db")
{
    return await CopyCheck.MakeAsync(args[1..]);
}
if (args.Length == 3 && args[0] == "compare-copy")
{
    return await CopyCheck.CompareAsync(args[1..]);
}
BenchmarkSwitcher.FromAssembly(typeof(ReportBenchmarks).Assembly).Run(args);
return 0;
