using Microsoft.Extensions.Logging;

namespace EdgeIngest.Hits;

internal static partial class ReadRouterLog
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "READ {CameraId} {Plate} confidence {Confidence:0.00} ({Reads} reads voted) — not on the hotlist ({Disposition})")]
    public static partial void Read(ILogger logger, string cameraId, string plate, float confidence, int reads, string disposition);

    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "HIT  {CameraId} {Plate} confidence {Confidence:0.00} ({Reads} reads voted) — hotlist {ListedPlate}: {Reason} ({Priority}, {Match}); event {EventId} queued for the agency")]
    public static partial void Hit(ILogger logger, string cameraId, string plate, float confidence, int reads, string listedPlate, string reason, string priority, string match, string eventId);

    [LoggerMessage(EventId = 203, Level = LogLevel.Warning, Message = "HIT  {CameraId} on a covert hotlist entry (plate and reason are not shown on the box); event {EventId} queued for the agency")]
    public static partial void CovertHit(ILogger logger, string cameraId, string eventId);

    [LoggerMessage(EventId = 202, Level = LogLevel.Error, Message = "Could not store or record the vehicle pass {EventId} of camera {CameraId}: {Reason}")]
    public static partial void CommitFailed(ILogger logger, string cameraId, string eventId, string reason);

    [LoggerMessage(EventId = 205, Level = LogLevel.Warning, Message = "CORRECTION {CameraId}: the pass of hit {CorrectedEventId} finally reads {Plate} ({Outcome}); event {EventId} queued for the agency")]
    public static partial void Corrected(ILogger logger, string cameraId, string correctedEventId, string plate, string outcome, string eventId);

    [LoggerMessage(EventId = 204, Level = LogLevel.Information, Message = "A hotlist match on camera {CameraId} in category {Category} was kept on the box ({Reason}): counted, not sent")]
    public static partial void Withheld(ILogger logger, string cameraId, string category, string reason);
}
