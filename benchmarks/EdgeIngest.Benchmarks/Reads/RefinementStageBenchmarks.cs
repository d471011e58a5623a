using BenchmarkDotNet.Attributes;
using EdgeIngest.Benchmarks.Frames;
using EdgeIngest.Frames;
using EdgeIngest.Reads;

namespace EdgeIngest.Benchmarks.Reads;

/// <summary>
/// The character-band refinement of one candidate, the box the plate detector found around the
/// demo frame's plate: preprocessing (the window around the candidate, grown to 320×128's aspect,
/// bilinear scale into the fixed 320×128 tensor, ImageNet normalisation), the text detector's
/// ONNX Runtime run on it alone, post-processing (DB on the 320×128 map, then the tallest line and
/// those level with it), and the whole <c>Refine</c> call. Paid once per plausible candidate.
/// </summary>
[Config(typeof(StageConfig))]
public class RefinementStageBenchmarks
{
    private ReadStages stages = null!;
    private BgrImage frame;
    private PlateBox plate;
    private PlateBox window;

    [Params(720, 1080)]
    public int Height { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        stages = new ReadStages();
        frame = DemoFrames.At(DemoFrames.PlateSeconds, Height);
        (plate, _) = stages.FindFirstPlate(frame);
        window = stages.Refiner.Preprocess(frame, plate);
        stages.Refiner.Infer();
    }

    [Benchmark(Description = "refiner preprocessing (window → 320×128)")]
    public PlateBox Preprocess() => stages.Refiner.Preprocess(frame, plate);

    [Benchmark(Description = "refiner inference (ORT run, 320×128)")]
    public void Infer() => stages.Refiner.Infer();

    [Benchmark(Description = "refiner post-processing (DB + band)")]
    public PlateBox? PostProcess() => stages.Refiner.PostProcess(window, plate);

    [Benchmark(Description = "refinement: whole Refine call")]
    public PlateBox? Refine() => stages.Refiner.Refine(frame, plate);

    [GlobalCleanup]
    public void Cleanup() => stages.Dispose();
}
