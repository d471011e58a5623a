namespace EdgeIngest.Cameras;

/// <summary>Either the stream's size or why it could not be found.</summary>
internal readonly record struct ProbeResult(VideoSize? Size, CameraFailure? Failure);
