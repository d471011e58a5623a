using BenchmarkDotNet.Attributes;
using EdgeIngest.Benchmarks.Frames;
using EdgeIngest.Frames;
using EdgeIngest.Reads;

namespace EdgeIngest.Benchmarks.Reads;

/// <summary>
/// Recognition of one plate in its steps, on the box the detector found around the plate of a
/// demo frame: preprocessing (crop, bilinear scale to height 48, symmetric normalisation into the
/// [1,3,48,320] tensor), the ONNX Runtime run alone, greedy CTC decoding of its [1,40,6625]
/// output, and candidate filtering (order the frame's text boxes, check geometry and text).
/// </summary>
[Config(typeof(StageConfig))]
public class RecognitionStageBenchmarks
{
    private readonly char[] text = new char[16];
    private ReadStages stages = null!;
    private BgrImage frame;
    private PlateBox plate;
    private TextRegion[] detected = [];
    private TextRegion[] scratch = [];

    [Params(720, 1080)]
    public int Height { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        stages = new ReadStages();
        frame = DemoFrames.At(DemoFrames.PlateSeconds, Height);
        var found = new List<TextRegion>(64);
        stages.Detector.Detect(frame, found);
        detected = [.. found];
        scratch = new TextRegion[detected.Length];
        plate = detected.Where(r => stages.Filter.IsPlausibleBox(r.Box, frame.Width)).MaxBy(r => r.Box.Area).Box;
        stages.Reader.Preprocess(frame, plate);
        stages.Reader.Infer();
        var read = new string(text, 0, stages.Reader.Decode(text).Length);
        if (read != DemoFrames.FirstPlate)
        {
            throw new InvalidOperationException($"the {Height}p frame reads '{read}', not {DemoFrames.FirstPlate}: the benchmark would time the wrong thing");
        }
    }

    [Benchmark(Description = "recogniser preprocessing (crop + resize + normalise)")]
    public void Preprocess() => stages.Reader.Preprocess(frame, plate);

    [Benchmark(Description = "recogniser inference (ORT run)")]
    public void Infer() => stages.Reader.Infer();

    [Benchmark(Description = "CTC decoding")]
    public int Decode() => stages.Reader.Decode(text).Length;

    /// <summary>What the recogniser does around its runs: largest first, geometry, then the read's text.</summary>
    [Benchmark(Description = "candidate filtering")]
    public int Filter()
    {
        detected.CopyTo(scratch, 0);
        var candidates = scratch.AsSpan();
        candidates.Sort(PlateCandidateFilter.LargestFirst);
        var plausible = 0;
        foreach (var candidate in candidates)
        {
            if (stages.Filter.IsPlausibleBox(candidate.Box, frame.Width) && stages.Filter.IsPlausibleText(DemoFrames.FirstPlate))
            {
                plausible++;
            }
        }

        return plausible;
    }

    [GlobalCleanup]
    public void Cleanup() => stages.Dispose();
}
