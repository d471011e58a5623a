using BenchmarkDotNet.Running;
using EdgeIngest.Benchmarks;

var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

// benchmarks/run.sh asks for one unit-free file of every figure, to print its summary from.
if (Environment.GetEnvironmentVariable("EDGEINGEST_BENCH_FIGURES") is { Length: > 0 } figures)
{
    FigureFile.Write(summaries, figures);
}
