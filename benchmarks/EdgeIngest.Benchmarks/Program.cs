using BenchmarkDotNet.Running;
using EdgeIngest.Benchmarks;
using EdgeIngest.Benchmarks.Hotlists;

var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

// benchmarks/run.sh asks for one unit-free file of every figure, to print its summary from.
if (Environment.GetEnvironmentVariable("EDGEINGEST_BENCH_FIGURES") is { Length: > 0 } figures)
{
    FigureFile.Write(summaries, figures);
}

// The hotlist's 1 ms per read bar (issue 18): a run that timed matching fails when it is not met.
var gateFailures = HotlistMatchGate.Failures(summaries);
foreach (var failure in gateFailures)
{
    Console.Error.WriteLine($"GATE FAILED: {failure}");
}

return gateFailures.Count == 0 ? 0 : 1;
