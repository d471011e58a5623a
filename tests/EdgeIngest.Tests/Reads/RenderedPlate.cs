using System.Diagnostics;
using EdgeIngest.Frames;
using EdgeIngest.Interop.Jpeg;

namespace EdgeIngest.Tests.Reads;

/// <summary>Draws a plate-like image with ffmpeg (white plate, black text) and decodes it to BGR.</summary>
internal static class RenderedPlate
{
    private const string Font = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

    public static BgrImage Render(string text, int width, int height, int plateX, int plateY)
    {
        var directory = Directory.CreateTempSubdirectory("edgeingest-plate-");
        try
        {
            var file = Path.Combine(directory.FullName, "plate.jpg");
            var filter =
                $"drawbox=x={plateX}:y={plateY}:w=300:h=110:color=black:t=fill," +
                $"drawbox=x={plateX + 6}:y={plateY + 6}:w=288:h=98:color=white:t=fill," +
                $"drawtext=fontfile={Font}:text='{text}':fontsize=60:fontcolor=black:x={plateX + 22}:y={plateY + 25}";
            Run("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", $"color=c=0x707880:s={width}x{height}", "-vf", filter, "-frames:v", "1", "-q:v", "2", file);
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
