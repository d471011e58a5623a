using EdgeIngest.Interop.Images;
using EdgeIngest.Motion;
using EdgeIngest.Pipeline;
using EdgeIngest.Reads;
using EdgeIngest.Tests.Infrastructure;
using EdgeIngest.WebConsole.Hosting;

namespace EdgeIngest.Tests.WebConsole;

/// <summary>The camera picture the console serves: decoded back from its JPEG, the zone and boxes are where they belong.</summary>
public sealed class FrameRendererTests
{
    // x 10 %..90 %, y 20 %..90 % of 1280x720: x 128..1152, y 144..648.
    private static readonly DetectionZone Zone = DetectionZone.FromPoints([0.1, 0.9, 0.9, 0.1], [0.2, 0.2, 0.9, 0.9]);
    private static readonly SnapshotRead Inside = new("7ABC123", new PlateBox(500, 400, 200, 80), InZone: true);
    private static readonly SnapshotRead Outside = new("FAR1", new PlateBox(30, 30, 120, 50), InZone: false);

    [Fact]
    public async Task The_Zone_Is_Yellow_The_Reads_Are_Boxed_At_Their_Place_And_Only_The_Outside_Is_Dimmed()
    {
        var snapshot = await SnapshotAsync();

        var (pixels, width) = Decode(FrameRenderer.Annotated(snapshot, Zone), snapshot);

        AssertColour(pixels, width, 640, 144, "the zone's top edge", b => b < 90, g => g > 170, r => r > 170);
        AssertColour(pixels, width, 1152, 400, "the zone's right edge", b => b < 90, g => g > 170, r => r > 170);
        AssertColour(pixels, width, 500, 440, "the left edge of the read in the zone", b => b < 90, g => g > 170, r => r < 90);
        AssertColour(pixels, width, 600, 480, "the bottom edge of the read in the zone", b => b < 90, g => g > 170, r => r < 90);
        AssertColour(pixels, width, 30, 55, "the left edge of the read outside the zone", b => b < 90, g => g is > 90 and < 190, r => r > 190);
        var original = snapshot.Pixels;
        var outside = Brightness(pixels, width, 0, 660, 1280, 720) / Brightness(original, width, 0, 660, 1280, 720);
        var inside = Brightness(pixels, width, 800, 200, 1100, 380) / Brightness(original, width, 800, 200, 1100, 380);
        Assert.InRange(outside, 0.5, 0.7);
        Assert.InRange(inside, 0.95, 1.05);
    }

    [Fact]
    public async Task The_Bare_Frame_Is_The_Frame_And_The_Whole_Frame_Zone_Dims_Nothing()
    {
        var snapshot = await SnapshotAsync();

        var (bare, width) = Decode(FrameRenderer.Bare(snapshot), snapshot);
        var (wholeFrame, _) = Decode(FrameRenderer.Annotated(snapshot with { Reads = [] }, DetectionZone.WholeFrame), snapshot);

        Assert.InRange(Brightness(bare, width, 0, 0, 1280, 720) / Brightness(snapshot.Pixels, width, 0, 0, 1280, 720), 0.98, 1.02);
        Assert.InRange(Brightness(wholeFrame, width, 0, 660, 1280, 720) / Brightness(snapshot.Pixels, width, 0, 660, 1280, 720), 0.95, 1.05);
        var edge = Pixel(bare, width, 640, 144);
        Assert.False(edge.B < 90 && edge.G > 170 && edge.R > 170, "the bare frame has the zone drawn on it");
    }

    private static async Task<FrameSnapshot> SnapshotAsync()
    {
        var frame = await DemoFrames.AtAsync(3.5);
        return new FrameSnapshot(frame.Span.ToArray(), frame.Width, frame.Height, DateTimeOffset.UtcNow, Analysed: true, [Inside, Outside]);
    }

    private static (byte[] Pixels, int Width) Decode(byte[] jpeg, FrameSnapshot snapshot)
    {
        using var decoder = new OpenCvImageDecoder();
        var pixels = Array.Empty<byte>();
        Assert.Equal(new ImageSize(snapshot.Width, snapshot.Height), decoder.Decode(jpeg, ref pixels));
        return (pixels, snapshot.Width);
    }

    private static void AssertColour(byte[] bgr, int width, int x, int y, string what, Func<int, bool> blue, Func<int, bool> green, Func<int, bool> red)
    {
        var (b, g, r) = Pixel(bgr, width, x, y);
        Assert.True(blue(b) && green(g) && red(r), $"{what} at ({x}, {y}) decodes as BGR ({b}, {g}, {r})");
    }

    private static double Brightness(byte[] bgr, int width, int left, int top, int right, int bottom)
    {
        long sum = 0;
        for (var y = top; y < bottom; y++)
        {
            for (var i = ((y * width) + left) * 3; i < ((y * width) + right) * 3; i++)
            {
                sum += bgr[i];
            }
        }

        return sum / (double)((right - left) * (bottom - top) * 3);
    }

    private static (int B, int G, int R) Pixel(byte[] bgr, int width, int x, int y)
    {
        var i = ((y * width) + x) * 3;
        return (bgr[i], bgr[i + 1], bgr[i + 2]);
    }
}
