using BenchmarkDotNet.Attributes;
using EdgeIngest.Hotlists;

namespace EdgeIngest.Benchmarks.Hotlists;

/// <summary>
/// Matching reads against a 1,000,000-entry hotlist (<see cref="SyntheticHotlist"/>: about 1 %
/// partial plates), exact + look-alike + wildcard in one call as the read router makes it. Each
/// operation matches 1,000 different reads of one kind (so the index is not cache-hot on one key)
/// and the figures are per read. <see cref="HotlistMatchGate"/> fails the run when any kind's mean
/// exceeds 1 ms. Also PlateKey.Of for comparison with the earlier rows.
/// </summary>
[Config(typeof(StageConfig))]
public class HotlistMatchBenchmark
{
    public const int Listed = 1_000_000;
    private const int ReadsPerKind = 1_000;
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private Hotlist _hotlist = null!;
    private string[] _reads = null!;

    [ParamsAllValues]
    public ReadKind Kind { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var entries = SyntheticHotlist.Entries(Listed, seed: 2024);
        _hotlist = new Hotlist(entries);
        _reads = SyntheticHotlist.Reads(_hotlist, entries, Kind, ReadsPerKind, seed: 7 + (int)Kind, Now);
    }

    [Benchmark(Description = "hotlist match, 1M entries, per read", OperationsPerInvoke = ReadsPerKind)]
    public int Match()
    {
        var hits = 0;
        foreach (var read in _reads)
        {
            hits += _hotlist.Match(read, Now) is null ? 0 : 1;
        }

        return hits;
    }
}
