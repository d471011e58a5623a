using BenchmarkDotNet.Attributes;
using EdgeIngest.Benchmarks.Frames;
using EdgeIngest.Frames;
using EdgeIngest.Reads;

namespace EdgeIngest.Benchmarks.Reads;

/// <summary>
/// The whole per-frame path, <c>PaddleOcrPlateRecognizer.Recognize</c> with its default options,
/// on a demo frame with a plate and on one without, with the plate detector finding candidates
/// (the default) and with the text detector (the option, for comparison); and, for each, the
/// model runs that frame costs alone (one finder run, one refiner run per candidate refined, one
/// recogniser run per band read, counted on the real path), so run.sh can state the path's
/// overhead over raw inference: (whole − models) / whole.
/// </summary>
[Config(typeof(StageConfig))]
public class PerFrameBenchmarks
{
    private PaddleOcrPlateRecognizer recognizer = null!;
    private ReadStages stages = null!;
    private BgrImage withPlate;
    private BgrImage withoutPlate;
    private (int Refinements, int Recognitions) withPlateRuns;
    private (int Refinements, int Recognitions) withoutPlateRuns;

    [Params(PlateFinder.Plate, PlateFinder.Text)]
    public PlateFinder Finder { get; set; }

    [Params(720, 1080)]
    public int Height { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        recognizer = PaddleOcrPlateRecognizer.Create(new PlateRecognizerOptions { Finder = Finder });
        stages = new ReadStages();
        withPlate = DemoFrames.At(DemoFrames.PlateSeconds, Height);
        withoutPlate = DemoFrames.At(DemoFrames.EmptyRoadSeconds, Height);

        var reads = recognizer.Recognize(withPlate);
        if (reads.Count == 0 || reads[0].Text != DemoFrames.FirstPlate)
        {
            throw new InvalidOperationException($"the {Height}p plate frame did not read {DemoFrames.FirstPlate} with the {Finder} finder");
        }

        withPlateRuns = (recognizer.LastRefinements, recognizer.LastRecognitions);
        if (recognizer.Recognize(withoutPlate).Count != 0)
        {
            throw new InvalidOperationException($"the {Height}p empty-road frame has a read with the {Finder} finder");
        }

        withoutPlateRuns = (recognizer.LastRefinements, recognizer.LastRecognitions);
        Console.WriteLine($"// {Finder} finder, {Height}p: refiner + recogniser runs per frame: "
            + $"{withPlateRuns.Refinements} + {withPlateRuns.Recognitions} with a plate, {withoutPlateRuns.Refinements} + {withoutPlateRuns.Recognitions} without");

        // run.sh's overhead from the stages counts the default path's runs as measured here: the
        // demo plate's band reads all 7 characters surely, so it is read once (not widened, not reframed).
        if (Finder == PlateFinder.Plate && (withPlateRuns != (1, 1) || withoutPlateRuns != (0, 0)))
        {
            throw new InvalidOperationException("run.sh's overhead from the stages assumes 1 + 1 runs with a plate and 0 + 0 without: update it");
        }

        // Real inputs in every tensor, as the whole path would leave them.
        var (plate, band) = stages.FindFirstPlate(withPlate);
        stages.PlateDetector.Preprocess(withPlate);
        stages.Detector.Preprocess(withPlate);
        stages.Refiner.Preprocess(withPlate, plate);
        stages.Reader.Preprocess(withPlate, band);
    }

    [Benchmark(Description = "whole path: Recognize(frame with a plate)")]
    public int WithPlate() => recognizer.Recognize(withPlate).Count;

    [Benchmark(Description = "whole path: Recognize(frame without a plate)")]
    public int WithoutPlate() => recognizer.Recognize(withoutPlate).Count;

    [Benchmark(Description = "models alone: frame with a plate")]
    public void ModelsWithPlate() => RunModels(withPlateRuns);

    [Benchmark(Description = "models alone: frame without a plate")]
    public void ModelsWithoutPlate() => RunModels(withoutPlateRuns);

    [GlobalCleanup]
    public void Cleanup()
    {
        recognizer.Dispose();
        stages.Dispose();
    }

    private void RunModels((int Refinements, int Recognitions) runs)
    {
        if (Finder == PlateFinder.Plate)
        {
            stages.PlateDetector.Infer();
        }
        else
        {
            stages.Detector.Infer();
        }

        for (var i = 0; i < runs.Refinements; i++)
        {
            stages.Refiner.Infer();
        }

        for (var i = 0; i < runs.Recognitions; i++)
        {
            stages.Reader.Infer();
        }
    }
}
