using Microsoft.Extensions.Logging;

namespace EdgeIngest.Pipeline;

internal static partial class ClipRecoveryLog
{
    [LoggerMessage(EventId = 230, Level = LogLevel.Warning, Message = "{Count} clip(s) promised before the last stop were never sent (the service stopped during their post-roll); recovering them before the cameras start")]
    public static partial void Found(ILogger logger, int count);

    [LoggerMessage(EventId = 231, Level = LogLevel.Information, Message = "Recovered the clip of hit {EventId} on {CameraId} from the video left on disk: {Seconds:0.0} s of the promised {PromisedSeconds:0.0} s, {Bytes} bytes{Truncated}, queued for the agency")]
    public static partial void Recovered(ILogger logger, string eventId, string cameraId, double seconds, double promisedSeconds, long bytes, string truncated);

    [LoggerMessage(EventId = 232, Level = LogLevel.Warning, Message = "The clip of hit {EventId} on {CameraId} is lost: {Reason}; the agency is told through a drop report ({ReasonCode})")]
    public static partial void Dropped(ILogger logger, string eventId, string cameraId, string reason, string reasonCode);

    [LoggerMessage(EventId = 233, Level = LogLevel.Error, Message = "The clip promised for hit {EventId} could be neither stored nor reported ({Reason}); its promise stays open and is tried again at the next start")]
    public static partial void LeftOpen(ILogger logger, string eventId, string reason);

    [LoggerMessage(EventId = 234, Level = LogLevel.Information, Message = "Clip recovery done: {Recovered} clip(s) recovered, {Dropped} reported dropped, {LeftOpen} left open for the next start")]
    public static partial void Done(ILogger logger, int recovered, int dropped, int leftOpen);
}
