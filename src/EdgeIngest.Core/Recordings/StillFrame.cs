using System.Globalization;
using EdgeIngest.Cameras;

namespace EdgeIngest.Recordings;

/// <summary>
/// One frame of a recorded segment as a JPEG at most <see cref="MaxWidth"/> px wide, by ffmpeg
/// (decodes from the segment's keyframe to the offset: a segment is one or a few GOPs, so this is
/// cheap). Bounded in time: a stuck ffmpeg is killed.
/// </summary>
internal static class StillFrame
{
    public const int MaxWidth = 640;

    /// <summary>The JPEG, or null when ffmpeg made none (the offset past the segment's last frame, an unreadable file).</summary>
    /// <exception cref="TimeoutException">ffmpeg took longer than <paramref name="timeout"/>.</exception>
    public static async Task<byte[]?> ExtractAsync(string ffmpegPath, string segmentPath, TimeSpan offset, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await using var ffmpeg = ChildProcess.Start(ffmpegPath, Arguments(segmentPath, offset), static _ => { });
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        using var jpeg = new MemoryStream();
        try
        {
            await ffmpeg.StandardOutput.CopyToAsync(jpeg, bounded.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            ffmpeg.Kill();
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"ffmpeg gave no frame within {timeout.TotalSeconds:0.#} s");
        }

        await ffmpeg.WaitForExitAsync(timeout).ConfigureAwait(false);
        return jpeg.Length > 0 && ffmpeg.HasExited && ffmpeg.ExitCode == 0 ? jpeg.ToArray() : null;
    }

    private static string[] Arguments(string segmentPath, TimeSpan offset) =>
    [
        "-hide_banner", "-loglevel", "error", "-nostdin",
        "-i", segmentPath,
        // After -i: decode up to the offset (exact), rather than seek to the keyframe before it.
        "-ss", offset.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture),
        "-frames:v", "1",
        "-vf", $"scale='min({MaxWidth},iw)':-2",
        "-f", "image2pipe", "-c:v", "mjpeg", "-q:v", "5",
        "pipe:1",
    ];
}
