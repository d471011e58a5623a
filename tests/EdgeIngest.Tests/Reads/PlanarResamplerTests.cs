using EdgeIngest.Frames;
using EdgeIngest.Reads;

namespace EdgeIngest.Tests.Reads;

public sealed class PlanarResamplerTests
{
    [Theory]
    [InlineData(1280, 720, 0, 0, 1280, 720, 640, 360)] // the plate detector's 2:1 letterbox (the exact-half path)
    [InlineData(1280, 720, 101, 33, 200, 100, 100, 50)] // exact half of an offset region
    [InlineData(1920, 1080, 0, 0, 1920, 1080, 640, 360)] // 3:1
    [InlineData(1280, 720, 500, 400, 90, 45, 96, 48)] // a plate crop scaled up to the recogniser's height
    [InlineData(640, 360, 13, 7, 301, 119, 320, 128)] // an odd window
    [InlineData(8, 6, 0, 0, 8, 6, 3, 2)]
    public void Resampling_Matches_OpenCv_Aligned_Bilinear_Sampling_Of_The_Region(
        int frameWidth, int frameHeight, int x, int y, int regionWidth, int regionHeight, int width, int height)
    {
        var random = new Random(frameWidth + x);
        var pixels = new byte[frameWidth * frameHeight * 3];
        random.NextBytes(pixels);
        var image = new BgrImage(pixels, frameWidth, frameHeight);
        var region = new PlateBox(x, y, regionWidth, regionHeight);
        var rowStride = width + 5; // a tensor wider than the image, as the recogniser's
        var plane = rowStride * height;
        var tensor = new float[3 * plane];
        var normalization = new ChannelNormalization(0.5f, 0.25f, 2f, -1f, 0f, 3f);

        PlanarResampler.Resample(image, region, width, height, tensor, plane, rowStride, normalization);

        for (var oy = 0; oy < height; oy++)
        {
            for (var ox = 0; ox < width; ox++)
            {
                for (var c = 0; c < 3; c++)
                {
                    var expected = Reference(pixels, frameWidth, region, width, height, ox, oy, c);
                    var scale = c == 0 ? 0.5f : c == 1 ? 0.25f : 2f;
                    var bias = c == 0 ? -1f : c == 1 ? 0f : 3f;
                    Assert.Equal((expected * scale) + bias, tensor[(c * plane) + (oy * rowStride) + ox], 0.01f); // float against double arithmetic
                }
            }
        }
    }

    [Fact]
    public void Columns_Beyond_The_Output_Width_Are_Left_As_They_Were()
    {
        var image = new BgrImage(new byte[32 * 16 * 3], 32, 16);
        var tensor = new float[3 * 8 * 20];
        Array.Fill(tensor, 7f);

        PlanarResampler.Resample(image, new PlateBox(0, 0, 32, 16), 10, 8, tensor, 8 * 20, 20, new ChannelNormalization(1, 1, 1, 0, 0, 0));

        Assert.Equal(0f, tensor[9]);
        Assert.Equal(7f, tensor[10]);
    }

    /// <summary>Textbook bilinear sampling with OpenCV's half-pixel alignment, edges clamped.</summary>
    private static float Reference(byte[] pixels, int frameWidth, PlateBox region, int width, int height, int ox, int oy, int channel)
    {
        var sx = Math.Clamp(((ox + 0.5) * region.Width / width) - 0.5, 0, region.Width - 1);
        var sy = Math.Clamp(((oy + 0.5) * region.Height / height) - 0.5, 0, region.Height - 1);
        var x0 = (int)sx;
        var y0 = (int)sy;
        var x1 = Math.Min(x0 + 1, region.Width - 1);
        var y1 = Math.Min(y0 + 1, region.Height - 1);
        var wx = sx - x0;
        var wy = sy - y0;
        double At(int px, int py) => pixels[((((region.Y + py) * frameWidth) + region.X + px) * 3) + channel];
        return (float)((At(x0, y0) * (1 - wx) * (1 - wy)) + (At(x1, y0) * wx * (1 - wy)) + (At(x0, y1) * (1 - wx) * wy) + (At(x1, y1) * wx * wy));
    }
}
