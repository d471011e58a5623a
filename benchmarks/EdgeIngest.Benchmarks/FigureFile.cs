using System.Globalization;
using BenchmarkDotNet.Reports;

namespace EdgeIngest.Benchmarks;

/// <summary>
/// Every benchmark's figures as tab-separated values in fixed units (milliseconds, bytes), for
/// run.sh to summarise and compute from: BenchmarkDotNet's own CSV prints units in each cell.
/// </summary>
internal static class FigureFile
{
    public static void Write(IEnumerable<Summary> summaries, string path)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine("class\tbenchmark\tparameters\tmean_ms\tmedian_ms\tstddev_ms\tallocated_bytes");
        foreach (var summary in summaries)
        {
            foreach (var report in summary.Reports)
            {
                var statistics = report.ResultStatistics;
                if (statistics is null)
                {
                    continue;
                }

                var benchmark = report.BenchmarkCase;
                var allocated = report.GcStats.GetBytesAllocatedPerOperation(benchmark);
                writer.WriteLine(string.Join('\t',
                    benchmark.Descriptor.Type.Name,
                    benchmark.Descriptor.WorkloadMethodDisplayInfo.Trim('\''),
                    benchmark.Parameters.DisplayInfo,
                    Milliseconds(statistics.Mean),
                    Milliseconds(statistics.Median),
                    Milliseconds(statistics.StandardDeviation),
                    allocated?.ToString(CultureInfo.InvariantCulture) ?? ""));
            }
        }
    }

    private static string Milliseconds(double nanoseconds) => (nanoseconds / 1e6).ToString("0.######", CultureInfo.InvariantCulture);
}
