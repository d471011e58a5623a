using BenchmarkDotNet.Attributes;
using EdgeIngest.Benchmarks.Frames;
using EdgeIngest.Frames;
using EdgeIngest.Reads;

namespace EdgeIngest.Benchmarks.Reads;

/// <summary>
/// Text detection in its three steps on a demo frame with a plate: preprocessing (bilinear scale
/// to a 960-pixel long side, 960×544 for both 720p and 1080p, and ImageNet normalisation into the
/// NCHW tensor), the ONNX Runtime run alone, and DB post-processing of the probability map.
/// </summary>
[Config(typeof(StageConfig))]
public class DetectionStageBenchmarks
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

    [Benchmark(Description = "detector preprocessing (resize + normalise)")]
    public int Preprocess() => stages.Detector.Preprocess(frame).Width;

    [Benchmark(Description = "detector inference (ORT run)")]
    public void Infer() => stages.Detector.Infer();

    [Benchmark(Description = "DB post-processing")]
    public int PostProcess()
    {
        regions.Clear();
        stages.Detector.PostProcess(frame, mapWidth, mapHeight, regions);
        return regions.Count;
    }

    [GlobalCleanup]
    public void Cleanup() => stages.Dispose();
}
