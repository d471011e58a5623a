using Microsoft.Extensions.Logging;

namespace EdgeIngest.Pipeline;

internal static partial class ReadRouterLog
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "READ {CameraId} {Plate} confidence {Confidence:0.00} — not on the hotlist ({Disposition})")]
    public static partial void Read(ILogger logger, string cameraId, string plate, float confidence, string disposition);

    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "HIT  {CameraId} {Plate} confidence {Confidence:0.00} — hotlist {ListedPlate}: {Reason} ({Priority}); event {EventId} queued for the agency")]
    public static partial void Hit(ILogger logger, string cameraId, string plate, float confidence, string listedPlate, string reason, string priority, string eventId);
}
