using BenchmarkDotNet.Attributes;
using EdgeIngest.Benchmarks.Frames;
using EdgeIngest.Frames;
using EdgeIngest.Reads;
using EdgeIngest.Reads.Regions;

namespace EdgeIngest.Benchmarks.Reads;

/// <summary>
/// Recognition of one plate in its steps, on the character band the default path reads (the
/// refiner's band inside the plate detector's box around the demo frame's plate): preprocessing
/// (crop, bilinear scale to height 48, symmetric normalisation into the [1,3,48,320] tensor), the
/// ONNX Runtime run alone, greedy CTC decoding of its [1,40,6625] output, and the candidate rules
/// the default path applies around a read (the plate whole in the frame, the band's geometry, the
/// read's text, its fit to the region's formats).
/// </summary>
[Config(typeof(StageConfig))]
public class RecognitionStageBenchmarks
{
    private readonly char[] text = new char[16];
    private ReadStages stages = null!;
    private PlateLayouts layouts = PlateLayouts.None;
    private BgrImage frame;
    private PlateBox plate;
    private PlateBox band;

    [Params(720, 1080)]
    public int Height { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        stages = new ReadStages();
        layouts = PlateRegions.Load(stages.Options.RegionsDirectory, stages.Options.Regions);
        frame = DemoFrames.At(DemoFrames.PlateSeconds, Height);
        (plate, band) = stages.FindFirstPlate(frame);
        stages.Reader.Preprocess(frame, band);
        stages.Reader.Infer();
    }

    [Benchmark(Description = "recogniser preprocessing (crop + resize + normalise)")]
    public void Preprocess() => stages.Reader.Preprocess(frame, band);

    [Benchmark(Description = "recogniser inference (ORT run)")]
    public void Infer() => stages.Reader.Infer();

    [Benchmark(Description = "CTC decoding")]
    public int Decode() => stages.Reader.Decode(text).Length;

    /// <summary>What the recogniser decides around one candidate's runs, as the default path does.</summary>
    [Benchmark(Description = "candidate rules (box, band, text, regional fit)")]
    public int Filter()
    {
        var read = DemoFrames.FirstPlate.AsSpan();
        return stages.Filter.IsWholeInFrame(plate, frame.Width) && stages.Filter.IsPlausibleBox(band, frame.Width) && stages.Filter.IsPlausibleText(read, 1f)
            ? PlateFormats.Fit(read, layouts)
            : 0;
    }

    [GlobalCleanup]
    public void Cleanup() => stages.Dispose();
}
