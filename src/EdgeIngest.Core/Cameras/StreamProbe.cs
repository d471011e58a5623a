using System.Globalization;

namespace EdgeIngest.Cameras;

/// <summary>
/// Asks ffprobe for the stream's resolution, bounded by a timeout: a camera that accepts the
/// connection and then answers nothing, or answers and never sends a frame, fails the attempt
/// as <see cref="CameraFailureCause.ProbeTimedOut"/> at the timeout (ffprobe killed), so the
/// camera leaves <see cref="CameraState.Connecting"/> with a cause and is retried with backoff.
/// </summary>
internal static class StreamProbe
{
    public static async Task<ProbeResult> ProbeAsync(
        string ffprobePath, CameraUrl url, TimeSpan timeout, Action<string> onStderrLine, CancellationToken cancellationToken)
    {
        var tail = new StderrTail(url);
        await using var ffprobe = ChildProcess.Start(
            ffprobePath, FfmpegCommands.Probe(url, timeout), line => onStderrLine(tail.Add(line)));

        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        string output;
        try
        {
            output = await new StreamReader(ffprobe.StandardOutput).ReadToEndAsync(bounded.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // ffprobe does not take q on stdin: end it now rather than after the stop grace.
            ffprobe.Kill();
            cancellationToken.ThrowIfCancellationRequested();
            return new ProbeResult(null, new CameraFailure(
                CameraFailureCause.ProbeTimedOut, $"ffprobe found no video stream at {url} within {timeout.TotalSeconds:0.#} s"));
        }

        await ffprobe.WaitForExitAsync(timeout).ConfigureAwait(false);
        if (TryParseSize(output, out var size))
        {
            return new ProbeResult(size, null);
        }

        var code = ffprobe.HasExited ? ffprobe.ExitCode.ToString(CultureInfo.InvariantCulture) : "none";
        var fallback = output.Trim() == "0x0"
            ? $"the camera at {url} described a video stream but ended the session before sending a frame (ffprobe exit code {code})"
            : $"ffprobe found no video stream at {url} (exit code {code})";
        return new ProbeResult(null, tail.ToFailure(fallback));
    }

    internal static bool TryParseSize(string output, out VideoSize size)
    {
        size = default;
        var line = output.AsSpan().Trim();
        var newline = line.IndexOfAny('\r', '\n');
        if (newline >= 0)
        {
            line = line[..newline];
        }

        var x = line.IndexOf('x');
        if (x <= 0
            || !int.TryParse(line[..x], NumberStyles.None, CultureInfo.InvariantCulture, out var width)
            || !int.TryParse(line[(x + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var height)
            || width <= 0 || height <= 0)
        {
            return false;
        }

        size = new VideoSize(width, height);
        return true;
    }
}
