using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using EdgeIngest.Hotlists;

namespace EdgeIngest.Benchmarks.Hotlists;

/// <summary>
/// What a 1,000,000-entry hotlist costs to load and to change: building the index from entries
/// already parsed (the verified document's parse is H1's and not timed here), and applying a
/// 1,000-entry delta (500 upserts of new plates, 250 of listed ones, 250 removals) to it. Setup
/// prints the bytes the parsed entries and the built index keep (GC heap after a full
/// collection).
/// Monitoring strategy, one call per iteration: these are seconds- and milliseconds-long, once per
/// list, not per read.
/// </summary>
[Config(typeof(BuildConfig))]
public class HotlistBuildBenchmark
{
    private List<HotlistEntry> _entries = null!;
    private Hotlist _hotlist = null!;
    private List<HotlistEntry> _upserts = null!;
    private List<string> _removals = null!;

    [GlobalSetup]
    public void Setup()
    {
        var start = GC.GetTotalMemory(forceFullCollection: true);
        _entries = SyntheticHotlist.Entries(HotlistMatchBenchmark.Listed, seed: 2024);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"// hotlist entries: {before - start:N0} bytes for {_entries.Count:N0} parsed entries = {(before - start) / (double)_entries.Count:F1} B per entry");
        _hotlist = new Hotlist(_entries);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"// hotlist index: {after - before:N0} bytes kept for {_hotlist.Count:N0} entries = {(after - before) / (double)_hotlist.Count:F1} B per entry (entries themselves excluded)");
        GC.KeepAlive(_hotlist);

        var random = new Random(99);
        _upserts = [.. Enumerable.Range(0, 500).Select(_ => new HotlistEntry(SyntheticHotlist.Plate(random), "delta", HotlistPriority.High))];
        _upserts.AddRange(Enumerable.Range(0, 250).Select(_ => _entries[random.Next(_entries.Count)] with { Reason = "delta update" }));
        _removals = [.. Enumerable.Range(0, 250).Select(_ => _entries[random.Next(_entries.Count)].Plate)];
    }

    [Benchmark(Description = "hotlist build, 1M entries")]
    public Hotlist Build() => new(_entries);

    [Benchmark(Description = "hotlist delta of 1,000 on 1M entries")]
    public Hotlist ApplyDelta() => _hotlist.Apply(_upserts, _removals);

    private sealed class BuildConfig : ManualConfig
    {
        public BuildConfig()
        {
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(1)
                .WithIterationCount(Environment.GetEnvironmentVariable("EDGEINGEST_BENCH_JOB") == "short" ? 3 : 5)
                .WithInvocationCount(1)
                .WithUnrollFactor(1));
            AddDiagnoser(MemoryDiagnoser.Default);
        }
    }
}
