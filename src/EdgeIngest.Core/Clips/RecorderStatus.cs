using EdgeIngest.Cameras;

namespace EdgeIngest.Clips;

/// <summary>A snapshot of one camera's segment recorder, for health reporting.</summary>
/// <param name="State">Streaming means segments are being written.</param>
/// <param name="OldestStartsAt">How far back a clip can reach now; null while the ring is empty.</param>
/// <param name="NewestEndsAt">The end of the newest closed segment; null while the ring is empty.</param>
/// <param name="Restarts">ffmpeg restarts after a failure.</param>
/// <param name="LastFailure">The most recent failure, kept after recovery; null if none yet.</param>
public sealed record RecorderStatus(
    string CameraId,
    CameraState State,
    int Segments,
    long Bytes,
    DateTimeOffset? OldestStartsAt,
    DateTimeOffset? NewestEndsAt,
    long SegmentsRecorded,
    long Restarts,
    CameraFailure? LastFailure);
