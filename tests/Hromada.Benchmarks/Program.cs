using BenchmarkDotNet.Running;
using Hromada.Benchmarks;

if (args.Length > 0 && args[0] == "peak")
{
    await PeakMemory.RunAsync(args[1..]);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(ReportBenchmarks).Assembly).Run(args);
