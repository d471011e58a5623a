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

    public static BgrImage Render(string text, int width, int height, int plateX, int plateY, string? header = null, string? footer = null) =>
        Decoded(file => WriteJpeg(file, text, width, height, plateX, plateY, header, footer));

    /// <summary>
    /// A plate at night in a 1280x720 frame: the plate drawn as <see cref="Render"/> draws it but
    /// with pale grey characters (<paramref name="characterGrey"/>, 0-255) on a pinkish white and a
    /// dark bolt, shrunk to <paramref name="scale"/> of its size at (600, 400), blurred by
    /// <paramref name="blur"/> (Gaussian sigma) and surrounded by a few bright specks.
    /// </summary>
    public static BgrImage RenderAtNight(string text, double scale, int characterGrey, double blur) =>
        Decoded(file =>
        {
            var grey = $"0x{characterGrey:X2}{characterGrey:X2}{characterGrey:X2}";
            var width = (int)(PlateWidth * scale);
            var height = (int)(PlateHeight * scale);
            var plate =
                $"[1]drawbox=x=6:y=6:w={PlateWidth - 12}:h={PlateHeight - 12}:color=0xF0E0F0:t=fill," +
                $"drawtext=fontfile={Font}:text='{text}':fontsize={FontSize(text)}:fontcolor={grey}:x=22:y=25," +
                $"drawbox=x=20:y=12:w=12:h=12:color=0x303030:t=fill,scale={width}:{height}," +
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"gblur=sigma={blur}[plate];");
            var scene = "[0][plate]overlay=600:400,drawbox=x=590:y=385:w=5:h=5:color=white:t=fill," +
                "drawbox=x=640:y=383:w=5:h=5:color=white:t=fill,drawbox=x=700:y=440:w=5:h=5:color=white:t=fill";
            Run("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "color=c=0x301828:s=1280x720", "-f", "lavfi", "-i", $"color=c=0x404040:s={PlateWidth}x{PlateHeight}",
                "-filter_complex", plate + scene, "-frames:v", "1", "-q:v", "2", file);
        });

    private static BgrImage Decoded(Action<string> writeJpeg)
    {
        var directory = Directory.CreateTempSubdirectory("edgeingest-plate-");
        try
        {
            var file = Path.Combine(directory.FullName, "plate.jpg");
            writeJpeg(file);
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

    /// <summary>
    /// Writes the image as a JPEG file; the plate occupies (plateX, plateY, PlateWidth, PlateHeight),
    /// its characters (60 px font, 50 px for seven or more, 36 px for nine or more) start 25 px below its top; an optional small header (a state
    /// name) and footer (a slogan) sit just above and below them, as on US plates.
    /// </summary>
    public static void WriteJpeg(string file, string text, int width, int height, int plateX, int plateY, string? header = null, string? footer = null)
    {
        var filter =
            $"drawbox=x={plateX}:y={plateY}:w={PlateWidth}:h={PlateHeight}:color=black:t=fill," +
            $"drawbox=x={plateX + 6}:y={plateY + 6}:w={PlateWidth - 12}:h={PlateHeight - 12}:color=white:t=fill," +
            $"drawtext=fontfile={Font}:text='{text}':fontsize={FontSize(text)}:fontcolor=black:x={plateX + 22}:y={plateY + 25}";
        if (header is not null)
        {
            filter += $",drawtext=fontfile={Font}:text='{header}':fontsize=16:fontcolor=0x1030a0:x={plateX + 110}:y={plateY + 8}";
        }

        if (footer is not null)
        {
            filter += $",drawtext=fontfile={Font}:text='{footer}':fontsize=14:fontcolor=0x1030a0:x={plateX + 60}:y={plateY + 90}";
        }

        Run("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", $"color=c=0x707880:s={width}x{height}", "-vf", filter, "-frames:v", "1", "-q:v", "2", file);
    }

    // DejaVu Sans Bold capitals and digits are ~0.7 em wide: seven at 60 px would run past the
    // plate's edge, and ten (an Indian plate) at 50.
    private static int FontSize(string text) => text.Length >= 9 ? 36 : text.Length >= 7 ? 50 : 60;

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
