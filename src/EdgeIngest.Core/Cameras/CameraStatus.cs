namespace EdgeIngest.Cameras;

/// <summary>A snapshot of a camera for health reporting (everything a heartbeat entry needs).</summary>
/// <param name="FramesDroppedStale">Frames dropped from the queue because newer ones arrived.</param>
/// <param name="FramesDroppedNoBuffer">Frames dropped because the consumer held every buffer.</param>
/// <param name="Restarts">ffmpeg (or ffprobe) restarts after a failure.</param>
/// <param name="LastFailure">The most recent failure, kept after recovery; null if none yet.</param>
/// <param name="FrameSize">The stream's resolution once probed.</param>
/// <param name="LastFrameAt">When the newest frame arrived; null before the first.</param>
/// <param name="TakenAt">When this snapshot was taken, so ages can be computed from it later.</param>
public sealed record CameraStatus(
    string CameraId,
    string RedactedUrl,
    CameraState State,
    long FramesIn,
    long FramesDroppedStale,
    long FramesDroppedNoBuffer,
    long Restarts,
    CameraFailure? LastFailure,
    VideoSize? FrameSize,
    DateTimeOffset? LastFrameAt,
    DateTimeOffset TakenAt)
{
    public long FramesDropped => FramesDroppedStale + FramesDroppedNoBuffer;

    /// <summary>How old the newest frame was when the snapshot was taken; null before the first frame.</summary>
    public TimeSpan? LastFrameAge => LastFrameAt is { } at ? TakenAt - at : null;
}
