using Microsoft.Extensions.Logging;

namespace EdgeIngest.Pipeline;

internal static partial class ApplianceLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "EdgeIngest device {DeviceId}: {Cameras} camera(s), hotlist of {HotlistCount} plate(s), sharing policy {Policy}, hits to {Topic}")]
    public static partial void Starting(ILogger logger, string deviceId, int cameras, int hotlistCount, string policy, string topic);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Health {CameraId}: {State}, frames in {FramesIn}, analysed {FramesAnalysed}, still {FramesSkippedStill}, dropped {FramesDropped}, restarts {Restarts}{Failure}")]
    public static partial void CameraHealth(ILogger logger, string cameraId, string state, long framesIn, long framesAnalysed, long framesSkippedStill, long framesDropped, long restarts, string failure);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Health events: {Hits} hit(s), {Reads} read(s); {Delivered} delivered to the agency ({Link}); outbox {Events} event(s), {ClipMessages} clip message(s), {Bytes} bytes{Oldest}")]
    public static partial void EventHealth(ILogger logger, long hits, long reads, long delivered, string link, long events, long clipMessages, long bytes, string oldest);

    [LoggerMessage(EventId = 104, Level = LogLevel.Information, Message = "Health {CameraId} recording: {Segments} segments, {Bytes} bytes on disk, {Oldest} – {Newest}{Failures}")]
    public static partial void RecordingHealth(ILogger logger, string cameraId, int segments, long bytes, string oldest, string newest, string failures);

    [LoggerMessage(EventId = 103, Level = LogLevel.Information, Message = "EdgeIngest stopped")]
    public static partial void Stopped(ILogger logger);
}
