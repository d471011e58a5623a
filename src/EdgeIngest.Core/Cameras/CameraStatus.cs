namespace EdgeIngest.Cameras;

/// <summary>A snapshot of a camera for health reporting.</summary>
/// <param name="FramesDroppedStale">Frames dropped from the queue because newer ones arrived.</param>
/// <param name="FramesDroppedNoBuffer">Frames dropped because the consumer held every buffer.</param>
/// <param name="Restarts">ffmpeg (or ffprobe) restarts after a failure.</param>
/// <param name="LastFailure">The most recent failure, kept after recovery; null if none yet.</param>
/// <param name="FrameSize">The stream's resolution once probed.</param>
public sealed record CameraStatus(
    string CameraId,
    string RedactedUrl,
    CameraState State,
    long FramesIn,
    long FramesDroppedStale,
    long FramesDroppedNoBuffer,
    long Restarts,
    CameraFailure? LastFailure,
    VideoSize? FrameSize)
{
    public long FramesDropped => FramesDroppedStale + FramesDroppedNoBuffer;
}
