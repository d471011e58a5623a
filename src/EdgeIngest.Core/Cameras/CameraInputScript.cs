using System.Globalization;
using System.Text;

namespace EdgeIngest.Cameras;

/// <summary>
/// Keeps the camera URL (and its password) out of ffmpeg's and ffprobe's command lines, which
/// every local user can read (<c>ps -eo args</c>, /proc/PID/cmdline). The child reads a one-entry
/// ffconcat script instead (ffmpeg: on stdin; ffprobe: from FFMpegCore's pipe) that names the URL
/// and carries the per-input options (<c>rtsp_transport</c>, <c>timeout</c>) as <c>option</c>
/// directives. The concat demuxer opens the camera as the input would have been opened; when the
/// camera's stream ends there is no next file, so the output ends as before, and the camera's
/// errors (401, 404, refused) still reach stderr.
/// </summary>
internal static class CameraInputScript
{
    /// <summary>What the camera input may use: the script's pipe and the network protocols of RTSP (and RTSPS).</summary>
    private const string Protocols = "pipe,unix,file,rtsp,rtsps,rtp,srtp,udp,tcp,tls,crypto";

    /// <summary>ffmpeg's input arguments: the script on stdin.</summary>
    public static IEnumerable<string> FfmpegInputArguments() =>
        ["-f", "concat", "-safe", "0", "-protocol_whitelist", Protocols, "-i", "pipe:0"];

    /// <summary>ffprobe's format arguments (FFMpegCore adds the input, its pipe, itself).</summary>
    public static string FfprobeFormatArguments() => $"-f concat -safe 0 -protocol_whitelist {Protocols}";

    /// <summary>The script for <paramref name="url"/>: RTSP over TCP, and <paramref name="socketTimeout"/> on its socket.</summary>
    public static string For(CameraUrl url, TimeSpan socketTimeout)
    {
        var address = url.WithCredentials;

        // The script is read line by line: a line break would end the file name early.
        if (address.AsSpan().IndexOfAny('\n', '\r', '\0') >= 0)
        {
            throw new CameraConfigurationException($"Camera '{url.CameraId}': the URL contains a line break or NUL character.");
        }

        var microseconds = ((long)socketTimeout.TotalMicroseconds).ToString(CultureInfo.InvariantCulture);
        return new StringBuilder()
            .Append("ffconcat version 1.0\n")
            .Append("file ").Append(Quote(address)).Append('\n')
            .Append("option rtsp_transport tcp\n")
            .Append("option timeout ").Append(microseconds).Append('\n')
            .ToString();
    }

    /// <summary>Single quotes make everything literal; a quote inside is closed, escaped and reopened.</summary>
    private static string Quote(string text) => "'" + text.Replace("'", @"'\''", StringComparison.Ordinal) + "'";
}
