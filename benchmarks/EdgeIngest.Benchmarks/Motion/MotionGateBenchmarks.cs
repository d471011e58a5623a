using BenchmarkDotNet.Attributes;
using EdgeIngest.Benchmarks.Frames;
using EdgeIngest.Frames;
using EdgeIngest.Motion;

namespace EdgeIngest.Benchmarks.Motion;

/// <summary>
/// The motion gate's cost per frame, whole-frame zone (the most cells): sampling the 1/8 luma
/// grid and comparing it with the last frame read. A still frame (the empty road again, same
/// capture time, so the keep-alive never fires) is gated; a moving one (plate car and empty road
/// in turn) is let through and becomes the reference. Both must allocate nothing.
/// </summary>
[Config(typeof(StageConfig))]
public class MotionGateBenchmarks
{
    private static readonly DateTimeOffset CapturedAt = new(2026, 11, 21, 7, 0, 0, TimeSpan.Zero);
    private MotionGate still = null!;
    private MotionGate moving = null!;
    private BgrImage road;
    private BgrImage car;
    private bool carNext;

    [Params(720, 1080)]
    public int Height { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        road = DemoFrames.At(DemoFrames.EmptyRoadSeconds, Height);
        car = DemoFrames.At(DemoFrames.PlateSeconds, Height);
        still = new MotionGate(DetectionZone.WholeFrame, new MotionOptions());
        moving = new MotionGate(DetectionZone.WholeFrame, new MotionOptions());
        still.ShouldAnalyse(road, CapturedAt);
        moving.ShouldAnalyse(road, CapturedAt);

        // Setup fails rather than time the wrong branch.
        if (still.ShouldAnalyse(road, CapturedAt) || !moving.ShouldAnalyse(car, CapturedAt) || !moving.ShouldAnalyse(road, CapturedAt))
        {
            throw new InvalidOperationException("the gate did not gate the still frame or did not pass the moving ones");
        }
    }

    [Benchmark(Description = "motion gate: still frame (gated)")]
    public bool Still() => still.ShouldAnalyse(road, CapturedAt);

    [Benchmark(Description = "motion gate: moving frame (read)")]
    public bool Moving()
    {
        carNext = !carNext;
        return moving.ShouldAnalyse(carNext ? car : road, CapturedAt);
    }
}
