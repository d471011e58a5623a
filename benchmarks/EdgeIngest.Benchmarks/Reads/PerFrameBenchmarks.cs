using BenchmarkDotNet.Attributes;
using EdgeIngest.Benchmarks.Frames;
using EdgeIngest.Frames;
using EdgeIngest.Reads;

namespace EdgeIngest.Benchmarks.Reads;

/// <summary>
/// The whole per-frame path, <c>PaddleOcrPlateRecognizer.Recognize</c>, on a demo frame with a
/// plate and on one without; and, for each, the model runs that frame costs alone (one detector
/// run, plus one recogniser run per box the recogniser read), so run.sh can state the path's
/// overhead over raw inference: (whole − models) / whole.
/// </summary>
[Config(typeof(StageConfig))]
public class PerFrameBenchmarks
{
    private PaddleOcrPlateRecognizer recognizer = null!;
    private ReadStages stages = null!;
    private BgrImage withPlate;
    private BgrImage withoutPlate;
    private int recognitionsWithPlate;
    private int recognitionsWithoutPlate;

    [Params(720, 1080)]
    public int Height { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        recognizer = PaddleOcrPlateRecognizer.Create();
        stages = new ReadStages();
        withPlate = DemoFrames.At(DemoFrames.PlateSeconds, Height);
        withoutPlate = DemoFrames.At(DemoFrames.EmptyRoadSeconds, Height);

        var reads = recognizer.Recognize(withPlate);
        if (reads.Count == 0 || reads[0].Text != DemoFrames.FirstPlate)
        {
            throw new InvalidOperationException($"the {Height}p plate frame did not read {DemoFrames.FirstPlate}");
        }

        recognitionsWithPlate = recognizer.LastRecognitions;
        var plate = reads[0].Box;
        if (recognizer.Recognize(withoutPlate).Count != 0)
        {
            throw new InvalidOperationException($"the {Height}p empty-road frame has a read");
        }

        recognitionsWithoutPlate = recognizer.LastRecognitions;
        Console.WriteLine($"// {Height}p: recogniser runs per frame: {recognitionsWithPlate} with a plate, {recognitionsWithoutPlate} without");

        // Real inputs in both tensors, as the whole path would leave them.
        stages.Detector.Preprocess(withPlate);
        stages.Reader.Preprocess(withPlate, plate);
    }

    [Benchmark(Description = "whole path: Recognize(frame with a plate)")]
    public int WithPlate() => recognizer.Recognize(withPlate).Count;

    [Benchmark(Description = "whole path: Recognize(frame without a plate)")]
    public int WithoutPlate() => recognizer.Recognize(withoutPlate).Count;

    [Benchmark(Description = "models alone: frame with a plate")]
    public void ModelsWithPlate() => RunModels(recognitionsWithPlate);

    [Benchmark(Description = "models alone: frame without a plate")]
    public void ModelsWithoutPlate() => RunModels(recognitionsWithoutPlate);

    [GlobalCleanup]
    public void Cleanup()
    {
        recognizer.Dispose();
        stages.Dispose();
    }

    private void RunModels(int recognitions)
    {
        stages.Detector.Infer();
        for (var i = 0; i < recognitions; i++)
        {
            stages.Reader.Infer();
        }
    }
}
