using Microsoft.Extensions.Logging;

namespace EdgeIngest.Pipeline;

internal static partial class HitClipSenderLog
{
    [LoggerMessage(EventId = 220, Level = LogLevel.Information, Message = "Clip for hit {EventId} on {CameraId}: {Seconds:0.0} s, {Bytes} bytes{Truncated}, queued for the agency")]
    public static partial void Queued(ILogger logger, string eventId, string cameraId, double seconds, long bytes, string truncated);

    [LoggerMessage(EventId = 221, Level = LogLevel.Warning, Message = "No clip for hit {EventId} on {CameraId}: {Reason}; the agency is told through a drop report")]
    public static partial void Failed(ILogger logger, string eventId, string cameraId, string reason);

    [LoggerMessage(EventId = 222, Level = LogLevel.Error, Message = "Could not report the missing clip of hit {EventId} ({Reason}); its promise stays open and the next start reports it")]
    public static partial void ReportFailed(ILogger logger, string eventId, string reason);

    [LoggerMessage(EventId = 223, Level = LogLevel.Warning, Message = "The clip of hit {EventId} went to the agency but is not kept on the box: {Reason}")]
    public static partial void NotKept(ILogger logger, string eventId, string reason);
}
