using EdgeIngest.Frames;
using EdgeIngest.Interop.Onnx;
using EdgeIngest.Reads;

namespace EdgeIngest.Tests.Reads;

/// <summary>The committed plate detector (models/plate-detector.onnx) through ONNX Runtime and the C# decoding.</summary>
public sealed class PlateDetectorTests
{
    private static readonly PlateRecognizerOptions Options = new();
    private const int WarmUpCalls = 3;
    private const int MeasuredCalls = 3;

    [Theory]
    [InlineData(1280, 720, 500, 420)]
    [InlineData(1920, 1080, 1200, 700)]
    public void A_Rendered_Plate_Is_Found_Where_It_Was_Drawn(int width, int height, int plateX, int plateY)
    {
        var image = RenderedPlate.Render("7XK492", width, height, plateX, plateY, header: "OREGON");
        using var detector = Open();
        var regions = new List<TextRegion>();

        detector.Detect(image, regions);

        var truth = new PlateBox(plateX, plateY, RenderedPlate.PlateWidth, RenderedPlate.PlateHeight);
        Assert.Contains(regions, r => Iou(r.Box, truth) >= 0.5);
    }

    [Fact]
    public void A_Blank_Frame_Has_No_Plates_And_Allocates_Nothing_Once_Warm()
    {
        var image = new BgrImage(new byte[1280 * 720 * 3], 1280, 720);
        using var detector = Open();
        var regions = new List<TextRegion>(16);

        // The first calls compile on this thread (tier 0, then on-stack replacement of the long
        // loops), and what the JIT allocates there counts here too: warm up past it.
        for (var i = 0; i < WarmUpCalls; i++)
        {
            detector.Detect(image, regions);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < MeasuredCalls; i++)
        {
            detector.Detect(image, regions);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Empty(regions);
        Assert.True(allocated == 0, $"{MeasuredCalls} warm detections of a blank frame allocated {allocated} B; expected 0");
    }

    private static PlateDetector Open() => new(
        InferenceSessions.Open(Options.PlateDetectorModelPath, new InferenceSessionOptions { IntraOpThreads = 2 }),
        Options.PlateDetectorThreshold);

    private static double Iou(PlateBox a, PlateBox b)
    {
        var width = Math.Min(a.Right, b.Right) - Math.Max(a.X, b.X);
        var height = Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Y, b.Y);
        if (width <= 0 || height <= 0)
        {
            return 0;
        }

        double intersection = width * height;
        return intersection / (a.Area + b.Area - intersection);
    }
}
