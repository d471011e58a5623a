using BenchmarkDotNet.Attributes;
using EdgeIngest.Benchmarks.Frames;
using EdgeIngest.Frames;
using EdgeIngest.Reads;

namespace EdgeIngest.Benchmarks.Reads;

/// <summary>
/// The PP-OCRv4 text detector over a whole demo frame with a plate, in its three steps:
/// preprocessing (bilinear scale to a 960-pixel long side, 960×544 for both 720p and 1080p, and
/// ImageNet normalisation into the NCHW tensor), the ONNX Runtime run alone, and DB
/// post-processing of the probability map. The finder of <see cref="PlateFinder.Text"/> (an
/// option since the plate detector became the default); the same model, on a small window, is the
/// character-band refiner's (<see cref="RefinementStageBenchmarks"/>).
/// </summary>
[Config(typeof(StageConfig))]
public class TextDetectionStageBenchmarks
{
    private readonly List<TextRegion> regions = new(64);
    private ReadStages stages = null!;
    private BgrImage frame;
    private int mapWidth;
    private int mapHeight;

    [Params(720, 1080)]
    public int Height { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        stages = new ReadStages();
        frame = DemoFrames.At(DemoFrames.PlateSeconds, Height);
        (mapWidth, mapHeight) = stages.Detector.Preprocess(frame);
        stages.Detector.Infer();
    }

    [Benchmark(Description = "text detector preprocessing (resize to 960 + normalise)")]
    public int Preprocess() => stages.Detector.Preprocess(frame).Width;

    [Benchmark(Description = "text detector inference (ORT run, 960×544)")]
    public void Infer() => stages.Detector.Infer();

    [Benchmark(Description = "text detector DB post-processing")]
    public int PostProcess()
    {
        regions.Clear();
        stages.Detector.PostProcess(frame, mapWidth, mapHeight, regions);
        return regions.Count;
    }

    [GlobalCleanup]
    public void Cleanup() => stages.Dispose();
}
