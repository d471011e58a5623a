namespace EdgeIngest.Cameras;

/// <summary>A failure and its message; the message is always redacted (no password).</summary>
public sealed record CameraFailure(CameraFailureCause Cause, string Message);
