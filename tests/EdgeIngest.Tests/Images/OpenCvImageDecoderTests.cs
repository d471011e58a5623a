using EdgeIngest.Interop.Images;
using EdgeIngest.Interop.Jpeg;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Images;

public sealed class OpenCvImageDecoderTests : IDisposable
{
    private const int Width = 320;
    private const int Height = 180;

    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("edgeingest-decode-");

    [Theory]
    [InlineData("png")]
    [InlineData("bmp")]
    [InlineData("tiff")]
    public async Task Lossless_Formats_Decode_To_The_Exact_Pixels_Ffmpeg_Wrote(string extension)
    {
        var file = Path.Combine(directory.FullName, "picture." + extension);
        var raw = Path.Combine(directory.FullName, "picture.bgr");
        await Render(file);
        await Render(raw, "-f", "rawvideo", "-pix_fmt", "bgr24");
        using var decoder = new OpenCvImageDecoder();
        var pixels = Array.Empty<byte>();

        var size = decoder.Decode(await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken), ref pixels);

        Assert.Equal(new ImageSize(Width, Height), size);
        var expected = await File.ReadAllBytesAsync(raw, TestContext.Current.CancellationToken);
        Assert.True(expected.AsSpan().SequenceEqual(pixels.AsSpan(0, size.BgrLength)), $"{extension}: decoded pixels differ from ffmpeg's bgr24 of the same picture");
    }

    [Fact]
    public async Task Jpeg_Decodes_As_Libturbojpeg_Decodes_It()
    {
        var file = Path.Combine(directory.FullName, "picture.jpg");
        await Render(file, "-q:v", "3");
        var jpeg = await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken);
        using var decoder = new OpenCvImageDecoder();
        using var turbo = new TurboJpegCodec();
        var pixels = Array.Empty<byte>();
        var reference = new byte[Width * Height * 3];

        var size = decoder.Decode(jpeg, ref pixels);
        turbo.Decode(jpeg, reference);

        Assert.Equal(new ImageSize(Width, Height), size);
        var largest = 0;
        for (var i = 0; i < reference.Length; i++)
        {
            largest = Math.Max(largest, Math.Abs(pixels[i] - reference[i]));
        }

        Assert.True(largest <= 1, $"OpenCV's JPEG decode differs from libturbojpeg's by up to {largest} levels");
    }

    [Fact]
    public void A_Buffer_Large_Enough_Is_Reused()
    {
        using var decoder = new OpenCvImageDecoder();
        var first = Array.Empty<byte>();
        decoder.Decode(Png(64, 48), ref first);
        var kept = first;

        var size = decoder.Decode(Png(32, 24), ref first);

        Assert.Same(kept, first);
        Assert.Equal(new ImageSize(32, 24), size);
    }

    [Fact]
    public void Bytes_That_Are_No_Image_Are_Rejected_With_Their_First_Bytes()
    {
        using var decoder = new OpenCvImageDecoder();
        var pixels = Array.Empty<byte>();

        var error = Assert.Throws<ImageDecodeException>(() => decoder.Decode("%PDF-1.7 not a picture"u8, ref pixels));

        Assert.Contains("not an image format OpenCV reads (starts with 0x25 0x50 0x44 0x46", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Truncated_Png_Is_Named_As_A_Damaged_Png()
    {
        using var decoder = new OpenCvImageDecoder();
        var png = Png(64, 48);
        var pixels = Array.Empty<byte>();

        var error = Assert.Throws<ImageDecodeException>(() => decoder.Decode(png.AsSpan(0, png.Length / 3), ref pixels));

        Assert.Contains("starts like a PNG file but OpenCV could not decode it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_Empty_File_Is_Rejected()
    {
        using var decoder = new OpenCvImageDecoder();
        var pixels = Array.Empty<byte>();

        var error = Assert.Throws<ImageDecodeException>(() => decoder.Decode([], ref pixels));

        Assert.Equal("the file is empty", error.Message);
    }

    public void Dispose() => directory.Delete(recursive: true);

    // A PNG of a noisy pattern (so it does not compress to almost nothing) made by OpenCV itself.
    private static byte[] Png(int width, int height)
    {
        using var mat = new OpenCvSharp.Mat(height, width, OpenCvSharp.MatType.CV_8UC3);
        OpenCvSharp.Cv2.Randu(mat, OpenCvSharp.Scalar.All(0), OpenCvSharp.Scalar.All(255));
        OpenCvSharp.Cv2.ImEncode(".png", mat, out var png);
        return png;
    }

    // ffmpeg's test pattern made RGB first, so every file and the raw reference hold the same
    // pixels (a lossless format's own conversion from YUV could otherwise round differently).
    private static Task Render(string file, params string[] output) => ProcessRunner.RunCheckedAsync(
        "ffmpeg",
        ["-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", $"testsrc2=s={Width}x{Height},format=rgb24", "-frames:v", "1", .. output, file],
        TimeSpan.FromSeconds(30));
}
