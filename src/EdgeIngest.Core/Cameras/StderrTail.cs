namespace EdgeIngest.Cameras;

/// <summary>
/// What one ffmpeg/ffprobe run said on stderr, redacted as it arrives: the first line with a
/// recognisable cause and the last line (for everything else). Thread-safe: lines arrive on a
/// process event thread while the supervisor reads the verdict.
/// </summary>
internal sealed class StderrTail(CameraUrl url)
{
    private const int MaxLineLength = 300;

    private readonly Lock _gate = new();
    private CameraFailureCause? _recognised;
    private string? _recognisedLine;
    private string? _lastLine;

    /// <summary>Adds a raw line; returns its redacted, truncated form (for logging).</summary>
    public string Add(string rawLine)
    {
        var line = url.Redact(rawLine.Trim());
        if (line.Length > MaxLineLength)
        {
            line = string.Concat(line.AsSpan(0, MaxLineLength), "…");
        }

        lock (_gate)
        {
            if (_recognised is null && FfmpegErrorClassifier.TryClassify(line, out var cause))
            {
                _recognised = cause;
                _recognisedLine = line;
            }

            if (line.Length > 0)
            {
                _lastLine = line;
            }
        }

        return line;
    }

    /// <summary>Whether a line named a cause (401, 404, refused, …).</summary>
    public bool HasRecognisedCause
    {
        get
        {
            lock (_gate)
            {
                return _recognised is not null;
            }
        }
    }

    public string? LastLine
    {
        get
        {
            lock (_gate)
            {
                return _lastLine;
            }
        }
    }

    /// <summary>The failure this output points to, or the fallback when nothing was said.</summary>
    public CameraFailure ToFailure(string fallback)
    {
        lock (_gate)
        {
            if (_recognised is { } cause)
            {
                return new CameraFailure(cause, FfmpegErrorClassifier.Describe(cause, url, cause == CameraFailureCause.Unreachable ? _recognisedLine : _lastLine));
            }

            return new CameraFailure(CameraFailureCause.Other, _lastLine ?? fallback);
        }
    }
}
