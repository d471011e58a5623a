using BenchmarkDotNet.Attributes;
using EdgeIngest.Benchmarks.Frames;
using EdgeIngest.Frames;
using EdgeIngest.Hits;
using EdgeIngest.Interop.Jpeg;
using EdgeIngest.Reads;

namespace EdgeIngest.Benchmarks.Hits;

/// <summary>
/// The JPEG evidence of a hit through <see cref="HitSnapshots"/> (libturbojpeg, quality 85, 4:2:0):
/// the full frame and the plate crop with its margin. Runs for hits only, not every frame; each
/// call returns a new byte array (the event keeps it), which the Allocated column shows.
/// </summary>
[Config(typeof(StageConfig))]
public class SnapshotBenchmarks
{
    private HitSnapshots snapshots = null!;
    private BgrImage frame;
    private PlateBox plate;

    [Params(720, 1080)]
    public int Height { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        frame = DemoFrames.At(DemoFrames.PlateSeconds, Height);
        using (var recognizer = PaddleOcrPlateRecognizer.Create())
        {
            plate = recognizer.Recognize(frame)[0].Box;
        }

        snapshots = new HitSnapshots(new TurboJpegCodec());
    }

    [Benchmark(Description = "JPEG snapshot: full frame")]
    public int Frame() => snapshots.EncodeFrame(frame).Length;

    [Benchmark(Description = "JPEG snapshot: plate crop")]
    public int Plate() => snapshots.EncodePlate(frame, plate).Length;

    [GlobalCleanup]
    public void Cleanup() => snapshots.Dispose();
}
