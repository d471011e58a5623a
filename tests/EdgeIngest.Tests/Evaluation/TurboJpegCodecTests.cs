using EdgeIngest.Interop.Jpeg;

namespace EdgeIngest.Tests.Evaluation;

public sealed class TurboJpegCodecTests
{
    private const int Width = 160;
    private const int Height = 96;

    [Fact]
    public void Gradient_Survives_An_Encode_Decode_Round_Trip_Within_Tolerance()
    {
        using var codec = new TurboJpegCodec();
        var source = Gradient(Width, Height);
        var jpeg = new byte[codec.GetMaxEncodedLength(Width, Height)];

        var length = codec.Encode(source, Width, Height, Width * 3, 90, jpeg);
        var decoded = new byte[Width * Height * 3];
        var info = codec.Decode(jpeg.AsSpan(0, length), decoded);

        Assert.Equal(new JpegInfo(Width, Height), info);
        Assert.True(length < source.Length / 4, $"a smooth gradient should compress well; got {length} bytes");
        Assert.True(MeanAbsoluteError(source, decoded) < 3.0, "decoded pixels drift from the source");
    }

    [Fact]
    public void Crop_Is_Encoded_In_Place_Through_The_Frame_Stride()
    {
        using var codec = new TurboJpegCodec();
        var frame = Gradient(Width, Height);
        const int cropX = 40, cropY = 20, cropWidth = 64, cropHeight = 32;
        var jpeg = new byte[codec.GetMaxEncodedLength(cropWidth, cropHeight)];

        var start = (cropY * Width * 3) + (cropX * 3);
        var length = codec.Encode(frame.AsSpan(start), cropWidth, cropHeight, Width * 3, 90, jpeg);
        var decoded = new byte[cropWidth * cropHeight * 3];
        codec.Decode(jpeg.AsSpan(0, length), decoded);

        // The crop's top-left pixel is the frame's pixel at (cropX, cropY).
        var expected = frame.AsSpan(start, 3).ToArray();
        for (var c = 0; c < 3; c++)
        {
            Assert.InRange(decoded[c], expected[c] - 8, expected[c] + 8);
        }
    }

    [Fact]
    public void Bytes_That_Are_Not_A_Jpeg_Fail_With_Libturbojpegs_Message()
    {
        using var codec = new TurboJpegCodec();

        var error = Assert.Throws<JpegException>(() => codec.ReadInfo("not a jpeg"u8));

        Assert.Contains("libturbojpeg", error.Message, StringComparison.Ordinal);
    }

    private static byte[] Gradient(int width, int height)
    {
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = ((y * width) + x) * 3;
                pixels[i] = (byte)(x * 255 / (width - 1));
                pixels[i + 1] = (byte)(y * 255 / (height - 1));
                pixels[i + 2] = (byte)((x + y) * 255 / (width + height - 2));
            }
        }

        return pixels;
    }

    private static double MeanAbsoluteError(byte[] a, byte[] b)
    {
        long sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += Math.Abs(a[i] - b[i]);
        }

        return (double)sum / a.Length;
    }
}
