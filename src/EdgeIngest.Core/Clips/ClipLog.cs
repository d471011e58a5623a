using EdgeIngest.Cameras;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Clips;

/// <summary>Segment recorder and clip log events with fixed ids (2100–2199). Every URL argument is the redacted one.</summary>
internal static partial class ClipLog
{
    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Camera {CameraId} recorder starting: {Url}, {SegmentSeconds} s segments in {Directory}")]
    public static partial void Starting(ILogger logger, string cameraId, string url, double segmentSeconds, string directory);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Debug, Message = "Camera {CameraId} recorder ffmpeg started (pid {Pid})")]
    public static partial void FfmpegStarted(ILogger logger, string cameraId, int pid);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Camera {CameraId} recording")]
    public static partial void Recording(ILogger logger, string cameraId);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "Camera {CameraId} recorder failed ({Cause}): {Reason}")]
    public static partial void Failed(ILogger logger, string cameraId, CameraFailureCause cause, string reason);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Information, Message = "Camera {CameraId} recorder restarting in {DelayMs} ms (restart {Restarts})")]
    public static partial void RestartScheduled(ILogger logger, string cameraId, long delayMs, long restarts);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Debug, Message = "Camera {CameraId} recorder ffmpeg: {Line}")]
    public static partial void FfmpegOutput(ILogger logger, string cameraId, string line);

    [LoggerMessage(EventId = 2106, Level = LogLevel.Information, Message = "Camera {CameraId} recorder stopped")]
    public static partial void Stopped(ILogger logger, string cameraId);

    [LoggerMessage(EventId = 2107, Level = LogLevel.Error, Message = "Camera {CameraId} recorder supervisor error: {Reason}")]
    public static partial void Unexpected(ILogger logger, string cameraId, string reason);

    [LoggerMessage(EventId = 2108, Level = LogLevel.Debug, Message = "Camera {CameraId} segment {File}: {StartsAt:O} to {EndsAt:O}, {Bytes} bytes")]
    public static partial void SegmentClosed(ILogger logger, string cameraId, string file, DateTimeOffset startsAt, DateTimeOffset endsAt, long bytes);

    [LoggerMessage(EventId = 2109, Level = LogLevel.Debug, Message = "Camera {CameraId} recorder discarded {Count} unfinished segment file(s) of an ended run")]
    public static partial void DiscardedUnfinished(ILogger logger, string cameraId, int count);

    [LoggerMessage(EventId = 2120, Level = LogLevel.Information, Message = "Clip {File} of camera {CameraId}: {StartsAt:O} to {EndsAt:O}, {Bytes} bytes from {Segments} segments in {ElapsedMs} ms{Truncation}")]
    public static partial void ClipCut(ILogger logger, string file, string cameraId, DateTimeOffset startsAt, DateTimeOffset endsAt, long bytes, int segments, long elapsedMs, string truncation);

    [LoggerMessage(EventId = 2121, Level = LogLevel.Warning, Message = "Clip of camera {CameraId} failed: {Reason}")]
    public static partial void ClipFailed(ILogger logger, string cameraId, string reason);

    [LoggerMessage(EventId = 2122, Level = LogLevel.Information, Message = "Clip folder over its bounds: deleted {File} ({Bytes} bytes)")]
    public static partial void ClipEvicted(ILogger logger, string file, long bytes);

    [LoggerMessage(EventId = 2123, Level = LogLevel.Warning, Message = "Camera {CameraId}: stopped ffmpeg {Pid}, left recording by an earlier run of the appliance")]
    public static partial void StaleRecorderStopped(ILogger logger, string cameraId, int pid);
}
