using System.Globalization;
using EdgeIngest.Frames;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Allocation;

/// <summary>One frame of the project's demo clip (1280×720), decoded by ffmpeg to packed BGR.</summary>
internal static class DemoFrame
{
    public const int Width = 1280;
    public const int Height = 720;

    public static async Task<BgrImage> AtAsync(double seconds)
    {
        var video = await DemoVideo.GetPathAsync();
        var directory = Directory.CreateTempSubdirectory("edgeingest-frame-");
        try
        {
            var raw = Path.Combine(directory.FullName, "frame.bgr");
            await ProcessRunner.RunCheckedAsync(
                "ffmpeg",
                ["-nostdin", "-v", "error", "-ss", seconds.ToString(CultureInfo.InvariantCulture), "-i", video,
                 "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "bgr24", raw],
                TimeSpan.FromSeconds(60));
            var pixels = await File.ReadAllBytesAsync(raw);
            Assert.Equal(Width * Height * BgrImage.BytesPerPixel, pixels.Length);
            return new BgrImage(pixels, Width, Height);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
