using System.Globalization;

namespace EdgeIngest.Cameras;

/// <summary>
/// The console's "test connection": opens the camera exactly as ingest does (TCP, the URL in the
/// input script, never on the command line), takes one frame as JPEG and ends, within a time bound.
/// A failure comes back classified like a running camera's (unreachable, unauthorized, not found,
/// codec) with the password redacted.
/// </summary>
public static class CameraConnectionTester
{
    /// <summary>A JPEG larger than this is not a frame (a 4K frame at quality 5 is well under 2 MB).</summary>
    private const int MaxJpegBytes = 8 * 1024 * 1024;

    public static async Task<ConnectionTest> TestAsync(CameraUrl url, TimeSpan timeout, string ffmpegPath = "ffmpeg", CancellationToken cancellationToken = default)
    {
        var tail = new StderrTail(url);
        string[] arguments =
        [
            "-hide_banner", "-loglevel", "error", "-nostats",
            .. CameraInputScript.FfmpegInputArguments(),
            "-an", "-frames:v", "1", "-q:v", "5", "-f", "image2", "-c:v", "mjpeg", "pipe:1",
        ];
        await using var ffmpeg = ChildProcess.Start(ffmpegPath, arguments, line => tail.Add(line), CameraInputScript.For(url, timeout));
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        using var jpeg = new MemoryStream();
        try
        {
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = await ffmpeg.StandardOutput.ReadAsync(buffer, bounded.Token).ConfigureAwait(false)) > 0)
            {
                if (jpeg.Length + read > MaxJpegBytes)
                {
                    return new ConnectionTest(null, new CameraFailure(CameraFailureCause.Other, $"the frame from {url} is larger than {MaxJpegBytes / (1024 * 1024)} MB"));
                }

                jpeg.Write(buffer, 0, read);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            ffmpeg.Kill();
            await ffmpeg.WaitForExitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
            return new ConnectionTest(null, tail.HasRecognisedCause
                ? tail.ToFailure("")
                : new CameraFailure(CameraFailureCause.ProbeTimedOut, string.Create(CultureInfo.InvariantCulture, $"no frame from {url} within {timeout.TotalSeconds:0.#} s")));
        }

        await ffmpeg.WaitForExitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        return jpeg.Length > 0 && ffmpeg.HasExited && ffmpeg.ExitCode == 0
            ? new ConnectionTest(jpeg.ToArray(), null)
            : new ConnectionTest(null, tail.ToFailure($"ffmpeg took no frame from {url}"));
    }
}
