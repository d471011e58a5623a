using System.Globalization;
using System.Text;
using FFMpegCore;
using FFMpegCore.Exceptions;

namespace EdgeIngest.Cameras;

/// <summary>
/// Asks ffprobe, through FFMpegCore's <see cref="FFProbe"/>, for the stream's resolution, bounded
/// by a timeout: a camera that accepts the connection and then answers nothing, or answers and
/// never sends a frame, fails the attempt as <see cref="CameraFailureCause.ProbeTimedOut"/> at the
/// timeout (FFMpegCore kills ffprobe on cancellation), so the camera leaves
/// <see cref="CameraState.Connecting"/> with a cause and is retried with backoff.
/// </summary>
/// <remarks>
/// FFMpegCore's exception messages carry ffprobe's stderr verbatim, camera password included, so
/// they are never logged: each stderr line goes through <see cref="StderrTail"/>, which redacts
/// it and classifies the failure (unauthorized, not found, refused, …).
/// </remarks>
internal static class StreamProbe
{
    public static async Task<ProbeResult> ProbeAsync(
        string ffprobePath, CameraUrl url, TimeSpan timeout, Action<string> onStderrLine, CancellationToken cancellationToken)
    {
        var options = new FFOptions { BinaryFolder = SetprivFfprobe.BinaryFolderFor(ffprobePath) };
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        var tail = new StderrTail(url);
        try
        {
            // The camera goes to ffprobe as an input script through FFMpegCore's pipe, so its
            // password is never in ffprobe's arguments (see CameraInputScript).
            using var script = new MemoryStream(
                Encoding.UTF8.GetBytes(CameraInputScript.For(url, FfmpegCommands.ProbeSocketTimeout(timeout))), writable: false);
            // Started on the launcher thread: ffprobe's death signal is tied to the thread that
            // forked it (FFMpegCore starts it before its first await).
            var analysis = await ChildLauncher.OnLauncherThread(() => FFProbe.AnalyseAsync(
                script, options, CameraInputScript.FfprobeFormatArguments(), bounded.Token)).ConfigureAwait(false);
            var video = analysis.PrimaryVideoStream;
            if (video is { Width: > 0, Height: > 0 })
            {
                return new ProbeResult(new VideoSize(video.Width.Value, video.Height.Value), null);
            }

            Report(analysis.StandardError, tail, onStderrLine);
            return new ProbeResult(null, tail.ToFailure(video is null
                ? $"ffprobe found no video stream at {url}"
                : $"the camera at {url} described a video stream but ended the session before sending a frame"));
        }
        catch (OperationCanceledException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return new ProbeResult(null, new CameraFailure(
                CameraFailureCause.ProbeTimedOut, $"ffprobe found no video stream at {url} within {timeout.TotalSeconds:0.#} s"));
        }
        catch (FFProbeProcessException e)
        {
            Report(e.StandardError, tail, onStderrLine);
            return new ProbeResult(null, tail.ToFailure(
                $"ffprobe found no video stream at {url} (exit code {e.ExitCode.ToString(CultureInfo.InvariantCulture)})"));
        }
        catch (FFMpegException e)
        {
            // Not ffprobe's verdict but FFMpegCore's (no ffprobe at that path, output it could not
            // parse): its message names no URL, so it is safe to pass on.
            return new ProbeResult(null, new CameraFailure(CameraFailureCause.Other, $"ffprobe could not be run for {url}: {url.Redact(e.Message)}"));
        }
    }

    private static void Report(IEnumerable<string> stderr, StderrTail tail, Action<string> onStderrLine)
    {
        foreach (var line in stderr)
        {
            onStderrLine(tail.Add(line));
        }
    }
}
