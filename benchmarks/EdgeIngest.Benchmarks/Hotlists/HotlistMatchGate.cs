using BenchmarkDotNet.Reports;

namespace EdgeIngest.Benchmarks.Hotlists;

/// <summary>
/// The bar for a 1,000,000-entry hotlist: at most 1 ms per read, exact + look-alike +
/// wildcard together. After a run that included <see cref="HotlistMatchBenchmark"/>, every read
/// kind's mean must be under it, and every kind must have run (a failed setup fails the gate).
/// </summary>
internal static class HotlistMatchGate
{
    public const double MaxMeanNanoseconds = 1_000_000;

    /// <summary>The gate's complaints; empty when it passes or the run did not include the benchmark.</summary>
    public static List<string> Failures(IEnumerable<Summary> summaries)
    {
        var failures = new List<string>();
        foreach (var summary in summaries)
        {
            foreach (var report in summary.Reports.Where(r => r.BenchmarkCase.Descriptor.Type == typeof(HotlistMatchBenchmark)))
            {
                var kind = report.BenchmarkCase.Parameters.DisplayInfo;
                if (report.ResultStatistics is not { } statistics)
                {
                    failures.Add($"hotlist match {kind}: no result (the benchmark failed)");
                }
                else if (statistics.Mean > MaxMeanNanoseconds)
                {
                    failures.Add($"hotlist match {kind}: mean {statistics.Mean / 1e6:F3} ms per read is over the 1 ms gate");
                }
                else
                {
                    Console.WriteLine($"// hotlist gate: {kind} mean {statistics.Mean / 1e3:F2} µs per read ≤ 1 ms: pass");
                }
            }
        }

        return failures;
    }
}
