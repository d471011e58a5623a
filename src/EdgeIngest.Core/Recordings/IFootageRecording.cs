namespace EdgeIngest.Recordings;

/// <summary>
/// What the footage-request flow needs from the continuous recording (docs/footage.md): what is
/// held, the closed segments of a window, a hold that keeps a window from the age purge until an
/// answer or a delivery is done, and a still frame for the owner's preview. Thread-safe.
/// </summary>
public interface IFootageRecording
{
    /// <summary>The cameras that have a recording (configured now, or with segments on disk).</summary>
    IReadOnlyCollection<string> Cameras { get; }

    /// <summary>The start of the oldest closed segment held for the camera; null when none is held.</summary>
    DateTimeOffset? OldestAt(string cameraId);

    /// <summary>The end of the newest closed segment held for the camera; null when none is held.</summary>
    DateTimeOffset? NewestAt(string cameraId);

    /// <summary>The closed segments overlapping [from, to), oldest first (whole segments: up to one beyond each end).</summary>
    IReadOnlyList<RecordedSegment> Segments(string cameraId, DateTimeOffset from, DateTimeOffset to);

    /// <summary>
    /// Keeps the segments overlapping [from, to) from the age purge (not from the disk budget) until
    /// <see cref="Release"/>; holds live in memory, so the caller sets them again at each start. The
    /// same id again replaces the window.
    /// </summary>
    void Hold(string holdId, string cameraId, DateTimeOffset from, DateTimeOffset to);

    void Release(string holdId);

    /// <summary>A JPEG of the frame nearest <paramref name="at"/> (scaled to at most 640 px wide), or null when nothing is held there.</summary>
    Task<byte[]?> StillAsync(string cameraId, DateTimeOffset at, CancellationToken cancellationToken);
}
