using BenchmarkDotNet.Attributes;
using EdgeIngest.Benchmarks.Frames;
using EdgeIngest.Frames;
using EdgeIngest.Reads;

namespace EdgeIngest.Benchmarks.Reads;

/// <summary>
/// The default finder, the project's plate detector, over a whole demo frame with a plate, in its
/// three steps: preprocessing (letterbox into the fixed 640×384 input: bilinear scale to 640×360
/// at 720p and 1080p alike, grey padding, BGR / 255), the ONNX Runtime run alone, and decoding
/// (3×3 heatmap peaks over the 160×96 grid, boxes back in frame pixels, greedy NMS).
/// </summary>
[Config(typeof(StageConfig))]
public class PlateDetectionStageBenchmarks
{
    private readonly List<TextRegion> regions = new(64);
    private ReadStages stages = null!;
    private BgrImage frame;
    private float scale;

    [Params(720, 1080)]
    public int Height { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        stages = new ReadStages();
        frame = DemoFrames.At(DemoFrames.PlateSeconds, Height);
        stages.FindFirstPlate(frame);
        scale = stages.PlateDetector.Preprocess(frame);
        stages.PlateDetector.Infer();
    }

    [Benchmark(Description = "plate detector preprocessing (letterbox 640×384)")]
    public float Preprocess() => stages.PlateDetector.Preprocess(frame);

    [Benchmark(Description = "plate detector inference (ORT run, 640×384)")]
    public void Infer() => stages.PlateDetector.Infer();

    [Benchmark(Description = "plate detector decoding (peaks + NMS)")]
    public int PostProcess()
    {
        regions.Clear();
        stages.PlateDetector.PostProcess(frame, scale, regions);
        return regions.Count;
    }

    [GlobalCleanup]
    public void Cleanup() => stages.Dispose();
}
