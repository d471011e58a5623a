using System.Globalization;

namespace EdgeIngest.Cameras;

/// <summary>The ffprobe and ffmpeg argument lists, in one place.</summary>
internal static class FfmpegCommands
{
    private static readonly TimeSpan ProbeSocketTimeoutMargin = TimeSpan.FromSeconds(5);

    /// <summary>
    /// ffprobe's socket timeout for a camera (it goes in the input script, with TCP transport).
    /// The caller bounds the probe by <paramref name="timeout"/> and cancels it then (FFMpegCore
    /// kills ffprobe); the socket timeout is only a backstop, set later, because at its timeout
    /// ffprobe against a camera that described a stream but sent nothing reports an empty
    /// stream, a verdict with no cause in it.
    /// </summary>
    public static TimeSpan ProbeSocketTimeout(TimeSpan timeout) => timeout + ProbeSocketTimeoutMargin;

    /// <summary>
    /// Decodes to packed BGR at the analysis rate. The output is pinned to the probed size, so a
    /// camera that changes resolution mid-stream cannot misalign the fixed-size frame reads. The
    /// camera comes from <see cref="CameraInputScript"/> on stdin, never from the arguments.
    /// </summary>
    public static string[] Decode(VideoSize size, double fps) =>
    [
        "-hide_banner", "-loglevel", "error",
        .. CameraInputScript.FfmpegInputArguments(),
        "-an",
        "-vf", string.Create(CultureInfo.InvariantCulture, $"fps={fps},scale={size.Width}:{size.Height}"),
        "-f", "rawvideo", "-pix_fmt", "bgr24",
        "pipe:1",
    ];

    /// <summary>
    /// Records the stream as it is (no re-encoding) into MPEG-TS segments of about
    /// <paramref name="segmentSeconds"/> (cut at the next keyframe), and prints one CSV line
    /// <c>name,start,end</c> (stream seconds) on stdout as each segment is closed. MPEG-TS needs
    /// no header or trailer, so a segment is readable up to its last packet however ffmpeg ends.
    /// The camera comes from <see cref="CameraInputScript"/> on stdin, never from the arguments.
    /// </summary>
    public static string[] Record(double segmentSeconds, string segmentPattern) =>
    [
        "-hide_banner", "-loglevel", "error", "-nostats",
        .. CameraInputScript.FfmpegInputArguments(),
        "-an",
        // The first GOP of an RTSP session carries packets without timestamps (before the RTP
        // clock is known), which the MPEG-TS muxer refuses; starting at the second keyframe skips
        // them, and setts fills any later missing PTS from the DTS.
        "-ss", "0.5",
        "-c", "copy",
        "-bsf:v", @"setts=pts=if(eq(PTS\,NOPTS)\,DTS\,PTS)",
        "-f", "segment",
        "-segment_time", segmentSeconds.ToString(CultureInfo.InvariantCulture),
        "-segment_format", "mpegts",
        // Timestamps run on across segments (no -reset_timestamps): footage is the recorded
        // segments' bytes joined, and only then is it one stream with a true duration. The clip
        // cutter's concat demuxer starts each file where the one before ended either way.
        "-segment_list", "pipe:1",
        "-segment_list_type", "csv",
        segmentPattern,
    ];

    /// <summary>Joins segments listed in a concat file into one MP4 with the index first (plays while downloading).</summary>
    public static string[] Concatenate(string listFile, string outputFile) =>
    [
        "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
        "-f", "concat", "-safe", "0",
        "-i", listFile,
        "-c", "copy",
        "-movflags", "+faststart",
        "-f", "mp4",
        outputFile,
    ];
}
