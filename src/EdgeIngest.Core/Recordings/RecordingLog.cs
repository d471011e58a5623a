using Microsoft.Extensions.Logging;

namespace EdgeIngest.Recordings;

/// <summary>Continuous recording log events with fixed ids (2200–2299).</summary>
internal static partial class RecordingLog
{
    [LoggerMessage(EventId = 2200, Level = LogLevel.Information, Message = "Recording on disk in {Directory}: {Cameras} camera(s), {Segments} segments, {Bytes} bytes found; {Deleted} unfinished copies deleted; budget {MaxBytes} bytes")]
    public static partial void Opened(ILogger logger, string directory, int cameras, int segments, long bytes, int deleted, long maxBytes);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Warning, Message = "Camera {CameraId} segment not kept on disk (the recording has a gap until a copy succeeds): {Reason}")]
    public static partial void KeepFailed(ILogger logger, string cameraId, string reason);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Information, Message = "Camera {CameraId} segments are kept on disk again ({Failures} failed so far)")]
    public static partial void KeepRecovered(ILogger logger, string cameraId, long failures);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Information, Message = "Camera {CameraId} recording purged ({Reason}): {Segments} segments, {Bytes} bytes, {From:O} – {To:O}")]
    public static partial void Purged(ILogger logger, string cameraId, string reason, int segments, long bytes, DateTimeOffset from, DateTimeOffset to);

    [LoggerMessage(EventId = 2204, Level = LogLevel.Warning, Message = "Recording purge could not finish: {Reason}")]
    public static partial void PurgeFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 2205, Level = LogLevel.Warning, Message = "Camera {CameraId} still frame at {At:O} failed: {Reason}")]
    public static partial void StillFailed(ILogger logger, string cameraId, DateTimeOffset at, string reason);

    [LoggerMessage(EventId = 2206, Level = LogLevel.Information, Message = "Camera {CameraId}: {Segments} segments the last run's recorder left in its ring kept on disk ({From:O} – {To:O})")]
    public static partial void LeftoversKept(ILogger logger, string cameraId, int segments, DateTimeOffset from, DateTimeOffset to);
}
