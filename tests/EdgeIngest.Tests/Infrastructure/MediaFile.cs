using System.Buffers.Binary;
using System.Globalization;

namespace EdgeIngest.Tests.Infrastructure;

/// <summary>What ffprobe and ffmpeg say about a media file, and its top-level MP4 boxes.</summary>
internal static class MediaFile
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Everything ffprobe and a full decode print at level error (empty for a clean file), with their exit codes.</summary>
    public static async Task<string> ErrorsAsync(string path)
    {
        var probe = await ProcessRunner.RunAsync("ffprobe", ["-v", "error", "-show_format", "-show_streams", path], ToolTimeout);
        var decode = await ProcessRunner.RunAsync("ffmpeg", ["-nostdin", "-v", "error", "-i", path, "-f", "null", "-"], ToolTimeout);
        var errors = (probe.StandardError + decode.StandardError).Trim();
        return probe.ExitCode == 0 && decode.ExitCode == 0
            ? errors
            : $"ffprobe exit {probe.ExitCode}, ffmpeg exit {decode.ExitCode}: {errors}";
    }

    public static async Task<double> DurationSecondsAsync(string path)
    {
        var probe = await ProcessRunner.RunCheckedAsync(
            "ffprobe", ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", path], ToolTimeout);
        return double.Parse(probe.StandardOutput.Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>The types of the top-level boxes in file order (e.g. ftyp, moov, mdat for a faststart MP4).</summary>
    public static List<string> TopLevelBoxes(string path)
    {
        var boxes = new List<string>();
        using var file = File.OpenRead(path);
        Span<byte> header = stackalloc byte[16];
        long offset = 0;
        while (offset + 8 <= file.Length)
        {
            file.Position = offset;
            file.ReadExactly(header[..8]);
            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            boxes.Add(System.Text.Encoding.ASCII.GetString(header[4..8]));
            if (size == 1)
            {
                file.ReadExactly(header[8..16]);
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(header[8..16]);
            }
            else if (size == 0)
            {
                break; // to the end of the file
            }

            if (size < 8)
            {
                throw new InvalidDataException($"box of {size} bytes at {offset} in {path}");
            }

            offset += size;
        }

        return boxes;
    }
}
