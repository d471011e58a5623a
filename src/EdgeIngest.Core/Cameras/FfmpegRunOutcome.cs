namespace EdgeIngest.Cameras;

/// <summary>How one supervised ffmpeg attempt ended.</summary>
/// <param name="Failure">Why it ended (an attempt only ends by failing, or by being stopped).</param>
/// <param name="Streamed">It delivered something (a frame, a segment), so the restart backoff starts over.</param>
internal readonly record struct FfmpegRunOutcome(CameraFailure Failure, bool Streamed);
