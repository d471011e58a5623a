using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace EdgeIngest.Benchmarks;

/// <summary>
/// The configuration of the recognition benchmarks: in-process (no generated project to build on
/// a 2-core box), allocations measured, times in milliseconds. <c>EDGEINGEST_BENCH_JOB=short</c>
/// (what <c>benchmarks/run.sh --short</c> sets) is BenchmarkDotNet's ShortRun: 3 warm-up and 3
/// measured iterations; otherwise 3 warm-up and 10 measured, still a few minutes in all.
/// </summary>
public sealed class StageConfig : ManualConfig
{
    public StageConfig()
    {
        var shortRun = Environment.GetEnvironmentVariable("EDGEINGEST_BENCH_JOB") == "short";
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(shortRun ? 3 : 10)
            .WithId(shortRun ? "ShortRun" : "Run10"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Median, StatisticColumn.Max);
        WithSummaryStyle(SummaryStyle.Default.WithTimeUnit(TimeUnit.Millisecond).WithMaxParameterColumnWidth(40));
    }
}
