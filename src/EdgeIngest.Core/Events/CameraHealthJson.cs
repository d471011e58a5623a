namespace EdgeIngest.Events;

/// <summary>One camera in a heartbeat. <see cref="LastFrameAgeSeconds"/> is null before the first frame.</summary>
public sealed record CameraHealthJson(
    string CameraId,
    string State,
    long FramesIn,
    long FramesAnalysed,
    long FramesDropped,
    long Restarts,
    double? LastFrameAgeSeconds,
    FailureJson? Failure);
