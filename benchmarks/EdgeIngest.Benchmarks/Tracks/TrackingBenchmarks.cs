using BenchmarkDotNet.Attributes;
using EdgeIngest.Benchmarks.Frames;
using EdgeIngest.Frames;
using EdgeIngest.Reads;
using EdgeIngest.Tracks;

namespace EdgeIngest.Benchmarks.Tracks;

/// <summary>
/// The tracking stage per analysed frame, <see cref="PlateTracker.Observe"/>, on the demo's
/// 720p plate frame: one car and four cars in view whose reads join their tracks (one read in
/// four a misread, so the vote and the best-frame comparison do real work), before
/// the report and after it; and, apart, the copy of a whole 720p frame a track makes when a read
/// beats its best frame. Each call is a frame one tick of capture time after the previous one,
/// so no track ever reaches its gap, and the voting tracker's window is a day.
/// </summary>
[Config(typeof(StageConfig))]
public class TrackingBenchmarks
{
    private static readonly string[] Plates = ["7ABC123", "KXT4821", "8GHJ552", "LPR2024"];
    private static readonly string[] Misreads = ["7A8C123", "KXT482", "BGHJ552", "LPR2O24"];
    private readonly NullSink sink = new();
    private BgrImage frame;
    private PlateRead[] oneCar = [];
    private PlateRead[] fourCars = [];
    private PlateTracker oneCarVoting = null!;
    private PlateTracker fourCarsVoting = null!;
    private PlateTracker oneCarReported = null!;
    private BestFrame best = null!;
    private DateTimeOffset at = new(2026, 11, 21, 6, 0, 0, TimeSpan.Zero);
    private int frameNumber;

    [GlobalSetup]
    public void Setup()
    {
        frame = DemoFrames.At(DemoFrames.PlateSeconds, 720);
        fourCars = [.. Plates.Select((plate, i) => new PlateRead(plate, 0.9f, new PlateBox(200 + (1000 * i), 431, 262, 72)))];
        oneCar = fourCars[..1];
        var voting = new TrackerOptions { MaxVoteWindow = TimeSpan.FromDays(1) };
        oneCarVoting = new PlateTracker("gate", voting);
        fourCarsVoting = new PlateTracker("gate", voting);
        oneCarReported = new PlateTracker("gate", new TrackerOptions());
        best = new BestFrame();
        best.Capture(frame, oneCar[0], at);

        // Into the reported state: past the 1.5 s vote window.
        for (var i = 0; i < 20; i++)
        {
            at = at.AddSeconds(0.1);
            oneCarReported.Observe(frame, at, oneCar, sink);
        }

        if (sink.Reports != 1)
        {
            throw new InvalidOperationException($"the reported tracker made {sink.Reports} reports; expected 1");
        }
    }

    [Benchmark(Description = "tracking: 1 car in view, voting")]
    public int OneCarVoting() => Observe(oneCarVoting, oneCar);

    [Benchmark(Description = "tracking: 4 cars in view, voting")]
    public int FourCarsVoting() => Observe(fourCarsVoting, fourCars);

    [Benchmark(Description = "tracking: 1 car in view, already reported")]
    public int OneCarReported() => Observe(oneCarReported, oneCar);

    [Benchmark(Description = "tracking: best-frame copy (720p)")]
    public void BestFrameCopy() => best.Capture(frame, oneCar[0], at);

    private int Observe(PlateTracker tracker, PlateRead[] reads)
    {
        // One frame in four, one car's plate is misread by a look-alike or a missing character.
        // (Misreading half the frames would tie the vote, flip it each frame and copy every frame.)
        var misread = frameNumber++ % (4 * reads.Length);
        if (misread < reads.Length)
        {
            reads[misread] = reads[misread] with { Text = Misreads[misread] };
        }

        at = at.AddTicks(1);
        tracker.Observe(frame, at, reads, sink);
        if (misread < reads.Length)
        {
            reads[misread] = reads[misread] with { Text = Plates[misread] };
        }

        return tracker.OpenTracks;
    }

    private sealed class NullSink : ITrackSink
    {
        public int Reports { get; private set; }

        public void Report(in FinalRead read) => Reports++;

        public void TrackEnded(string cameraId, string reportedText, DateTimeOffset lastSeenAtUtc)
        {
        }
    }
}
