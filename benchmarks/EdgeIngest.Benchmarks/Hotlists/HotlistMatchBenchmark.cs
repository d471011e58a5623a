using BenchmarkDotNet.Attributes;
using EdgeIngest.Hotlists;

namespace EdgeIngest.Benchmarks.Hotlists;

/// <summary>
/// Matching a read against a 10,000-plate hotlist: the read folded into its <see cref="PlateKey"/>
/// in a stack buffer and looked up by span in the frozen dictionary. A hit through a look-alike
/// (7A8C123 read, 7ABC123 listed) and a miss; and, for comparison, <see cref="PlateKey.Of"/>, which
/// makes a key string (what the read router still uses for its pass filter).
/// </summary>
[Config(typeof(StageConfig))]
public class HotlistMatchBenchmark
{
    private const int Listed = 10_000;
    private Hotlist hotlist = null!;

    [GlobalSetup]
    public void Setup()
    {
        // Deterministic random plates, seven letters and digits, plus the demo's first plate.
        var random = new Random(2024);
        const string Characters = "ABCDEFGHJKLMNPRTUVWXY0123456789";
        var entries = new List<HotlistEntry>(Listed) { new("7ABC123", "stolen", HotlistPriority.Critical) };
        while (entries.Count < Listed)
        {
            var plate = string.Create(7, random, (span, r) =>
            {
                for (var i = 0; i < span.Length; i++)
                {
                    span[i] = Characters[r.Next(Characters.Length)];
                }
            });
            entries.Add(new HotlistEntry(plate, "benchmark listing", HotlistPriority.High));
        }

        hotlist = new Hotlist(entries);
        if (Hit() is null || Miss() is not null)
        {
            throw new InvalidOperationException("the benchmark's hit must hit and its miss must miss");
        }
    }

    [Benchmark(Description = "hotlist match, 10k plates: hit (look-alike)")]
    public HotlistEntry? Hit() => hotlist.Match("7A8C123");

    [Benchmark(Description = "hotlist match, 10k plates: miss")]
    public HotlistEntry? Miss() => hotlist.Match("QQQ0000");

    [Benchmark(Description = "PlateKey.Of (a key string)")]
    public string KeyString() => PlateKey.Of("7A8C123");
}
