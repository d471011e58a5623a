using BenchmarkDotNet.Attributes;
using EdgeIngest.Benchmarks.Frames;
using EdgeIngest.Frames;
using EdgeIngest.Reads;

namespace EdgeIngest.Benchmarks.Reads;

/// <summary>
/// Throughput at 720p with the default path (plate detector, refiner, recogniser): sixteen demo
/// frames, one every 2.5 s of the 40-s clip (cars entering, leaving, plates whole, empty road),
/// each through the whole path, detection included, with no motion gating. The mean is per frame,
/// so frames per second on this machine = 1 / mean.
/// </summary>
[Config(typeof(StageConfig))]
public class ThroughputBenchmark
{
    private const int Frames = 16;
    private readonly BgrImage[] frames = new BgrImage[Frames];
    private PaddleOcrPlateRecognizer recognizer = null!;

    [GlobalSetup]
    public void Setup()
    {
        recognizer = PaddleOcrPlateRecognizer.Create();
        if (!recognizer.FindsPlates)
        {
            throw new InvalidOperationException("the default recogniser no longer finds candidates with the plate detector: update this benchmark");
        }

        var refinements = 0;
        var recognitions = 0;
        for (var i = 0; i < Frames; i++)
        {
            frames[i] = DemoFrames.At(1.25 + (2.5 * i), 720);
            recognizer.Recognize(frames[i]);
            refinements += recognizer.LastRefinements;
            recognitions += recognizer.LastRecognitions;
        }

        Console.WriteLine($"// {Frames} frames: {refinements} refiner runs, {recognitions} recogniser runs");
    }

    [Benchmark(Description = "throughput: 720p frames end to end (plate finder)", OperationsPerInvoke = Frames)]
    public int EndToEnd()
    {
        var reads = 0;
        foreach (var frame in frames)
        {
            reads += recognizer.Recognize(frame).Count;
        }

        return reads;
    }

    [GlobalCleanup]
    public void Cleanup() => recognizer.Dispose();
}
