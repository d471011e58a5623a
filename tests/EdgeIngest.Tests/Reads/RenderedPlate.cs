using System.Diagnostics;
using EdgeIngest.Frames;
using EdgeIngest.Interop.Jpeg;

namespace EdgeIngest.Tests.Reads;

/// <summary>Draws a plate-like image with ffmpeg (white plate, black text) and decodes it to BGR.</summary>
public static class RenderedPlate
{
    private const string Font = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

    public const int PlateWidth = 300;
    public const int PlateHeight = 110;

    public static BgrImage Render(string text, int width, int height, int plateX, int plateY)
    {
        var directory = Directory.CreateTempSubdirectory("edgeingest-plate-");
        try
        {
            var file = Path.Combine(directory.FullName, "plate.jpg");
            WriteJpeg(file, text, width, height, plateX, plateY);
            using var codec = new TurboJpegCodec();
            var jpeg = File.ReadAllBytes(file);
            var info = codec.ReadInfo(jpeg);
            var pixels = new byte[info.BgrLength];
            codec.Decode(jpeg, pixels);
            return new BgrImage(pixels, info.Width, info.Height);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>Writes the image as a JPEG file; the plate occupies (plateX, plateY, PlateWidth, PlateHeight).</summary>
    public static void WriteJpeg(string file, string text, int width, int height, int plateX, int plateY)
    {
        var filter =
            $"drawbox=x={plateX}:y={plateY}:w={PlateWidth}:h={PlateHeight}:color=black:t=fill," +
            $"drawbox=x={plateX + 6}:y={plateY + 6}:w={PlateWidth - 12}:h={PlateHeight - 12}:color=white:t=fill," +
            $"drawtext=fontfile={Font}:text='{text}':fontsize=60:fontcolor=black:x={plateX + 22}:y={plateY + 25}";
        Run("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", $"color=c=0x707880:s={width}x{height}", "-vf", filter, "-frames:v", "1", "-q:v", "2", file);
    }

    private static void Run(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true })
            ?? throw new InvalidOperationException($"could not start {program}");
        var errors = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(30_000) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed: {errors}");
        }
    }
}
