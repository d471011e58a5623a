using Microsoft.Extensions.Logging;

namespace EdgeIngest.Footage;

internal static partial class FootageLog
{
    [LoggerMessage(EventId = 2500, Level = LogLevel.Warning, Message = "FOOTAGE REQUEST {RequestId} (case {CaseNumber}) from {Officer}: cameras {Cameras}, {From} to {To}; waits for the owner's answer until {ExpiresAt}")]
    public static partial void Received(ILogger logger, string requestId, string caseNumber, string officer, string cameras, string from, string to, string expiresAt);

    [LoggerMessage(EventId = 2501, Level = LogLevel.Warning, Message = "Footage request {RequestId} refused: {Reason}")]
    public static partial void Refused(ILogger logger, string requestId, string reason);

    [LoggerMessage(EventId = 2502, Level = LogLevel.Information, Message = "Footage request {RequestId} {State} by {By}")]
    public static partial void Answered(ILogger logger, string requestId, string state, string by);

    [LoggerMessage(EventId = 2503, Level = LogLevel.Information, Message = "Footage request {RequestId} expired unanswered")]
    public static partial void Expired(ILogger logger, string requestId);

    [LoggerMessage(EventId = 2504, Level = LogLevel.Information, Message = "Footage request {RequestId}: manifest of {Parts} parts, {Bytes} bytes queued")]
    public static partial void ManifestQueued(ILogger logger, string requestId, int parts, long bytes);

    [LoggerMessage(EventId = 2505, Level = LogLevel.Information, Message = "Footage request {RequestId}: part {Ordinal} of {Parts} ({Bytes} bytes, camera {CameraId}) stored for sending")]
    public static partial void PartStored(ILogger logger, string requestId, int ordinal, int parts, long bytes, string cameraId);

    [LoggerMessage(EventId = 2506, Level = LogLevel.Information, Message = "Footage request {RequestId} delivered: {Parts} parts, {Bytes} bytes confirmed by the receiver")]
    public static partial void Delivered(ILogger logger, string requestId, int parts, long bytes);

    [LoggerMessage(EventId = 2507, Level = LogLevel.Error, Message = "Footage request {RequestId} failed: {Reason}")]
    public static partial void Failed(ILogger logger, string requestId, string reason);

    [LoggerMessage(EventId = 2508, Level = LogLevel.Information, Message = "Footage request {RequestId}: part {Ordinal} ({Bytes} bytes) waits for room in the outbox")]
    public static partial void WaitingForRoom(ILogger logger, string requestId, int ordinal, long bytes);

    [LoggerMessage(EventId = 2509, Level = LogLevel.Error, Message = "Footage requests: a step failed and is tried again: {Message}")]
    public static partial void StepFailed(ILogger logger, string message);
}
