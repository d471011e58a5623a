namespace EdgeIngest.Cameras;

/// <summary>
/// What differs between the kinds of supervised ffmpeg (the frame reader, the segment recorder):
/// how one attempt runs, and which log events report it. <see cref="FfmpegSupervisor"/> does the rest.
/// </summary>
internal interface ISupervisedFfmpeg
{
    /// <summary>
    /// One attempt, from start to the end of ffmpeg's output; returns why it ended. Throws
    /// <see cref="OperationCanceledException"/> when <paramref name="stop"/> ended it.
    /// </summary>
    Task<FfmpegRunOutcome> RunOnceAsync(CancellationToken stop);

    void LogFfmpegStarted(int pid);

    void LogFfmpegOutput(string redactedLine);

    void LogFailed(CameraFailure failure);

    void LogUnexpected(string reason);

    void LogRestartScheduled(long delayMs, long restarts);

    void LogStopped();
}
