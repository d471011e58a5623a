using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using EdgeIngest.Installation;
using EdgeIngest.Frames;

namespace EdgeIngest.Benchmarks.Frames;

/// <summary>
/// Benchmark frames the project makes itself, no third-party images: the demo clip
/// (<c>deploy/demo/make-demo-video.sh</c>, 1280×720) decoded by ffmpeg at chosen moments, and the
/// same moments scaled to 1920×1080. The clip and the raw frames are cached in the git-ignored
/// <c>.test-artifacts/</c> (the clip under the name the tests use, so it is rendered once).
/// </summary>
internal static class DemoFrames
{
    /// <summary>The first car's plate (7ABC123) whole and mid-frame.</summary>
    public const double PlateSeconds = 3.5;

    /// <summary>The second car's plate (KXT4821) whole and mid-frame.</summary>
    public const double SecondPlateSeconds = 10;

    /// <summary>Empty road between two cars.</summary>
    public const double EmptyRoadSeconds = 6.8;

    public const string FirstPlate = "7ABC123";

    private static readonly Lock Gate = new();

    private static string Cache => Path.Combine(InstallLayout.Root, ".test-artifacts");

    /// <summary>The frame at <paramref name="seconds"/>, <paramref name="height"/> 720 (as recorded) or 1080 (scaled).</summary>
    public static BgrImage At(double seconds, int height)
    {
        var width = height switch
        {
            720 => 1280,
            1080 => 1920,
            _ => throw new ArgumentOutOfRangeException(nameof(height), height, "720 or 1080"),
        };
        lock (Gate)
        {
            var video = Video();
            var name = $"{Path.GetFileNameWithoutExtension(video)}-{seconds.ToString("0.00", CultureInfo.InvariantCulture)}s-{height}p.bgr";
            var raw = Path.Combine(Cache, "bench-frames", name);
            if (!File.Exists(raw))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(raw)!);
                var temporary = raw + ".tmp";
                Run("ffmpeg", "-nostdin", "-v", "error", "-y", "-ss", seconds.ToString(CultureInfo.InvariantCulture), "-i", video,
                    "-frames:v", "1", "-vf", $"scale={width}:{height}:flags=bicubic", "-f", "rawvideo", "-pix_fmt", "bgr24", temporary);
                File.Move(temporary, raw, overwrite: true);
            }

            // Pinned, as the frame pool's buffers are.
            var bytes = File.ReadAllBytes(raw);
            var pixels = GC.AllocateArray<byte>(bytes.Length, pinned: true);
            bytes.CopyTo(pixels, 0);
            if (pixels.Length != width * height * BgrImage.BytesPerPixel)
            {
                throw new InvalidDataException($"{raw}: {pixels.Length} bytes, expected a {width}x{height} BGR frame");
            }

            return new BgrImage(pixels, width, height);
        }
    }

    private static string Video()
    {
        var script = Path.Combine(InstallLayout.Root, "deploy", "demo", "make-demo-video.sh");
        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(script)))[..12];
        var path = Path.Combine(Cache, $"demo-{hash}.mp4");
        if (!File.Exists(path))
        {
            Run("bash", script, path);
        }

        return path;
    }

    private static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var errors = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(180_000) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed: {errors}");
        }
    }
}
