using Microsoft.Extensions.Logging;

namespace EdgeIngest.Pipeline;

internal static partial class CameraWorkerLog
{
    [LoggerMessage(EventId = 210, Level = LogLevel.Error, Message = "Camera {CameraId}: recognition failed on frame {Sequence}: {Reason}")]
    public static partial void RecognitionFailed(ILogger logger, string cameraId, long sequence, string reason);

    [LoggerMessage(EventId = 211, Level = LogLevel.Error, Message = "Camera {CameraId}: reporting the vehicles in view at stop failed: {Reason}")]
    public static partial void FlushFailed(ILogger logger, string cameraId, string reason);
}
