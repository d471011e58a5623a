namespace EdgeIngest.Events;

/// <summary>
/// One camera in a heartbeat. <see cref="LastFrameAgeSeconds"/> is null before the first frame.
/// <see cref="FramesSkippedStill"/> was added within schema 1 (receivers ignore fields they do not know).
/// </summary>
public sealed record CameraHealthJson(
    string CameraId,
    string State,
    long FramesIn,
    long FramesAnalysed,
    long FramesSkippedStill,
    long FramesDropped,
    long Restarts,
    double? LastFrameAgeSeconds,
    FailureJson? Failure);
