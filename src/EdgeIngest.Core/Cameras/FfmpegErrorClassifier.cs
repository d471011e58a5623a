namespace EdgeIngest.Cameras;

/// <summary>
/// Recognises the ffmpeg/ffprobe error lines that have a clear cause. Patterns are the ones
/// ffmpeg 5.1 prints, e.g. <c>Connection to tcp://… failed: Connection refused</c>,
/// <c>method DESCRIBE failed: 401 Unauthorized</c>, <c>Server returned 404 Not Found</c>,
/// <c>Decoder (codec hevc) not found for input stream #0:0</c> (ffmpeg) and
/// <c>Unsupported codec with id 0 for input stream 0</c> (ffprobe).
/// </summary>
public static class FfmpegErrorClassifier
{
    private static readonly (string Fragment, CameraFailureCause Cause)[] Patterns =
    [
        ("401 Unauthorized", CameraFailureCause.Unauthorized),
        ("authorization failed", CameraFailureCause.Unauthorized),
        ("404 Not Found", CameraFailureCause.StreamNotFound),
        ("Connection refused", CameraFailureCause.Unreachable),
        ("No route to host", CameraFailureCause.Unreachable),
        ("Network is unreachable", CameraFailureCause.Unreachable),
        ("Connection timed out", CameraFailureCause.Unreachable),
        ("Operation timed out", CameraFailureCause.Unreachable),
        ("Name or service not known", CameraFailureCause.Unreachable),
        ("Temporary failure in name resolution", CameraFailureCause.Unreachable),
        ("No address associated with hostname", CameraFailureCause.Unreachable),
        ("Unsupported codec", CameraFailureCause.UnsupportedCodec),
        (") not found for input stream", CameraFailureCause.UnsupportedCodec),
        ("codec not currently supported in container", CameraFailureCause.UnsupportedCodec),
        ("Failed to probe codec for input stream", CameraFailureCause.UnsupportedCodec),
    ];

    public static bool TryClassify(string line, out CameraFailureCause cause)
    {
        foreach (var (fragment, patternCause) in Patterns)
        {
            if (line.Contains(fragment, StringComparison.OrdinalIgnoreCase))
            {
                cause = patternCause;
                return true;
            }
        }

        cause = CameraFailureCause.Other;
        return false;
    }

    /// <summary>A short message for a cause, naming the camera by its redacted URL.</summary>
    public static string Describe(CameraFailureCause cause, CameraUrl url, string? detail) => cause switch
    {
        CameraFailureCause.Unreachable => $"camera unreachable at {url}{UnreachableReason(detail)}",
        CameraFailureCause.Unauthorized => $"camera rejected the credentials (401) at {url}",
        CameraFailureCause.StreamNotFound => $"no stream at {url} (404)",
        CameraFailureCause.UnsupportedCodec => $"unsupported video codec at {url}: {detail}",
        CameraFailureCause.StreamEnded => $"the stream from {url} ended",
        _ => detail ?? $"ffmpeg failed on {url}",
    };

    /// <summary>Which way it was unreachable, from the line that said so: refused (nothing listens on the port), no route, timed out, unknown host.</summary>
    private static string UnreachableReason(string? line)
    {
        foreach (var (fragment, cause) in Patterns)
        {
            if (cause == CameraFailureCause.Unreachable && line?.Contains(fragment, StringComparison.OrdinalIgnoreCase) == true)
            {
                return ": " + fragment.ToLowerInvariant();
            }
        }

        return string.Empty;
    }
}
