using System.Globalization;
using EdgeIngest.Frames;

namespace EdgeIngest.Tests.Infrastructure;

/// <summary>Frames of the project's demo clip (1280×720), decoded by ffmpeg to packed BGR.</summary>
internal static class DemoFrames
{
    public const int Width = 1280;
    public const int Height = 720;

    /// <summary>The frame shown at <paramref name="seconds"/>.</summary>
    public static async Task<BgrImage> AtAsync(double seconds)
    {
        var frames = await DecodeAsync(seconds, ["-frames:v", "1"]);
        Assert.Single(frames);
        return frames[0];
    }

    /// <summary>The frames from <paramref name="fromSeconds"/> for <paramref name="seconds"/>, resampled to <paramref name="fps"/>.</summary>
    public static Task<List<BgrImage>> SequenceAsync(double fromSeconds, double seconds, int fps) =>
        DecodeAsync(fromSeconds, ["-t", seconds.ToString(CultureInfo.InvariantCulture), "-vf", $"fps={fps}"]);

    private static async Task<List<BgrImage>> DecodeAsync(double fromSeconds, string[] selection)
    {
        var video = await DemoVideo.GetPathAsync();
        var directory = Directory.CreateTempSubdirectory("edgeingest-frames-");
        try
        {
            var raw = Path.Combine(directory.FullName, "frames.bgr");
            await ProcessRunner.RunCheckedAsync(
                "ffmpeg",
                ["-nostdin", "-v", "error", "-ss", fromSeconds.ToString(CultureInfo.InvariantCulture), "-i", video,
                 .. selection, "-f", "rawvideo", "-pix_fmt", "bgr24", raw],
                TimeSpan.FromSeconds(60));
            var bytes = await File.ReadAllBytesAsync(raw);
            const int frameBytes = Width * Height * BgrImage.BytesPerPixel;
            Assert.Equal(0, bytes.Length % frameBytes);
            return [.. Enumerable.Range(0, bytes.Length / frameBytes).Select(i => new BgrImage(bytes.AsMemory(i * frameBytes, frameBytes), Width, Height))];
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
