using EdgeIngest.Interop.Images;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Images;

public sealed class FrameAnnotatorTests
{
    // A zone of 10 %..90 % by 20 %..90 % of the 1280x720 demo frame: x 128..1152, y 144..648.
    private static readonly (double X, double Y)[] Zone = [(0.1, 0.2), (0.9, 0.2), (0.9, 0.9), (0.1, 0.9)];
    private static readonly LabelledBox Plate = new(500, 400, 200, 80, "7ABC123");

    [Fact]
    public async Task Zone_And_Box_Are_Drawn_On_A_Copy_Dimming_Only_Outside_The_Zone()
    {
        var frame = await DemoFrames.AtAsync(3.5);
        var original = frame.Span.ToArray();
        var annotated = new byte[original.Length];

        FrameAnnotator.Draw(frame.Span, frame.Width, frame.Height, Zone, [Plate], annotated);

        Assert.True(frame.Span.SequenceEqual(original), "the frame itself was drawn on");
        Assert.Equal((0, 255, 255), Pixel(annotated, frame.Width, 640, 144));
        Assert.Equal((0, 255, 255), Pixel(annotated, frame.Width, 128, 400));
        Assert.Equal((0, 255, 0), Pixel(annotated, frame.Width, 500, 440));
        Assert.Equal((0, 255, 0), Pixel(annotated, frame.Width, 600, 479));
        var (changedNearDrawing, dimmed) = (0, 0);
        for (var y = 0; y < frame.Height; y++)
        {
            for (var x = 0; x < frame.Width; x++)
            {
                var i = ((y * frame.Width) + x) * 3;
                if (NearDrawing(x, y))
                {
                    changedNearDrawing += original.AsSpan(i, 3).SequenceEqual(annotated.AsSpan(i, 3)) ? 0 : 1;
                }
                else if (x < 125 || x > 1154 || y < 141 || y > 650)
                {
                    for (var c = 0; c < 3; c++)
                    {
                        var expected = original[i + c] * FrameAnnotator.OutsideBrightness;
                        Assert.True(Math.Abs(annotated[i + c] - expected) <= 1, $"pixel ({x}, {y}) outside the zone is {annotated[i + c]}, not dimmed to {expected:0.0}");
                    }

                    dimmed++;
                }
                else if (x > 131 && x < 1148 && y > 147 && y < 644)
                {
                    Assert.True(original.AsSpan(i, 3).SequenceEqual(annotated.AsSpan(i, 3)), $"pixel ({x}, {y}) inside the zone, away from the box and its label, changed");
                }
            }
        }

        // The outlines alone are ~2 px x (2 x 1024 + 2 x 504 + 2 x 200 + 2 x 80) pixels.
        Assert.True(changedNearDrawing > 6000, $"only {changedNearDrawing} pixels changed");
        Assert.True(dimmed > 350_000, $"only {dimmed} pixels outside the zone were checked");
    }

    [Fact]
    public async Task Without_A_Zone_Nothing_Is_Dimmed_And_A_Read_Outside_The_Zone_Is_Orange()
    {
        var frame = await DemoFrames.AtAsync(3.5);
        var annotated = new byte[frame.Span.Length];

        FrameAnnotator.Draw(frame.Span, frame.Width, frame.Height, [], [Plate with { OutsideZone = true }], annotated);

        Assert.Equal((0, 140, 255), Pixel(annotated, frame.Width, 500, 440));
        Assert.True(frame.Span[..(frame.Width * 3 * 300)].SequenceEqual(annotated.AsSpan(0, frame.Width * 3 * 300)), "rows above the label changed without a zone");
    }

    [Fact]
    public async Task The_Jpeg_Decodes_To_The_Frame_Size_With_The_Zone_Visible()
    {
        var frame = await DemoFrames.AtAsync(3.5);

        var jpeg = FrameAnnotator.DrawJpeg(frame.Span, frame.Width, frame.Height, Zone, [Plate]);

        using var decoder = new OpenCvImageDecoder();
        var pixels = Array.Empty<byte>();
        var size = decoder.Decode(jpeg, ref pixels);
        Assert.Equal(new ImageSize(frame.Width, frame.Height), size);
        var (b, g, r) = Pixel(pixels, frame.Width, 640, 144);
        Assert.True(b < 90 && g > 170 && r > 170, $"the zone's top edge decodes as ({b}, {g}, {r}), not yellow");
    }

    // Within 3 px of the zone's or the box's outline, or in the label strip above the box.
    private static bool NearDrawing(int x, int y)
    {
        static bool Near(int value, int line) => Math.Abs(value - line) <= 3;
        var onZone = ((Near(x, 128) || Near(x, 1151)) && y >= 141 && y <= 651) || ((Near(y, 144) || Near(y, 647)) && x >= 125 && x <= 1155);
        var onBox = ((Near(x, 500) || Near(x, 700)) && y >= 397 && y <= 483) || ((Near(y, 400) || Near(y, 480)) && x >= 497 && x <= 703);
        var onLabel = x >= Plate.X - 3 && x <= Plate.X + 250 && y >= Plate.Y - 50 && y <= Plate.Y;
        return onZone || onBox || onLabel;
    }

    private static (int B, int G, int R) Pixel(byte[] bgr, int width, int x, int y)
    {
        var i = ((y * width) + x) * 3;
        return (bgr[i], bgr[i + 1], bgr[i + 2]);
    }
}
