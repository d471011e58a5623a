using System.Globalization;

namespace EdgeIngest.Cameras;

/// <summary>The ffprobe and ffmpeg argument lists, in one place.</summary>
internal static class FfmpegCommands
{
    /// <summary>Prints <c>WIDTHxHEIGHT</c> of the first video stream.</summary>
    public static string[] Probe(CameraUrl url, TimeSpan timeout) =>
    [
        "-hide_banner", "-loglevel", "error",
        "-rtsp_transport", "tcp",
        "-timeout", Microseconds(timeout),
        "-select_streams", "v:0",
        "-show_entries", "stream=width,height",
        "-of", "csv=p=0:s=x",
        url.WithCredentials,
    ];

    /// <summary>
    /// Decodes to packed BGR at the analysis rate. The output is pinned to the probed size, so a
    /// camera that changes resolution mid-stream cannot misalign the fixed-size frame reads.
    /// </summary>
    public static string[] Decode(CameraUrl url, VideoSize size, double fps, TimeSpan socketTimeout) =>
    [
        "-hide_banner", "-loglevel", "error",
        "-rtsp_transport", "tcp",
        "-timeout", Microseconds(socketTimeout),
        "-i", url.WithCredentials,
        "-an",
        "-vf", string.Create(CultureInfo.InvariantCulture, $"fps={fps},scale={size.Width}:{size.Height}"),
        "-f", "rawvideo", "-pix_fmt", "bgr24",
        "pipe:1",
    ];

    private static string Microseconds(TimeSpan span) =>
        ((long)span.TotalMicroseconds).ToString(CultureInfo.InvariantCulture);
}
