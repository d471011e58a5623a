using Microsoft.Extensions.Logging;

namespace EdgeIngest.Receiving;

internal static partial class ReceiverLog
{
    [LoggerMessage(EventId = 800, Level = LogLevel.Information, Message = "Connected to the agency broker {Broker} as '{ClientId}' (session present: {SessionPresent}); subscribed to {Filters}")]
    public static partial void Connected(ILogger logger, string broker, string clientId, bool sessionPresent, string filters);

    [LoggerMessage(EventId = 801, Level = LogLevel.Warning, Message = "Cannot reach the agency broker: {Reason} — retrying in {DelaySeconds:0.#} s")]
    public static partial void ConnectFailed(ILogger logger, string reason, double delaySeconds);

    [LoggerMessage(EventId = 802, Level = LogLevel.Warning, Message = "Lost the agency broker: {Reason}; reconnecting")]
    public static partial void Disconnected(ILogger logger, string reason);

    [LoggerMessage(EventId = 803, Level = LogLevel.Information, Message = "Reconnected to the agency broker {Broker} (session present: {SessionPresent})")]
    public static partial void Reconnected(ILogger logger, string broker, bool sessionPresent);

    [LoggerMessage(EventId = 810, Level = LogLevel.Error, Message = "Rejected message on {Topic} ({Bytes} bytes): {Reason}")]
    public static partial void Rejected(ILogger logger, string topic, int bytes, string reason);

    [LoggerMessage(EventId = 811, Level = LogLevel.Information, Message = "Duplicate hit {EventId} from {DeviceId} ignored (already stored; {Duplicates} duplicate(s) so far)")]
    public static partial void DuplicateHit(ILogger logger, string eventId, string deviceId, long duplicates);

    [LoggerMessage(EventId = 812, Level = LogLevel.Information, Message = "Hit {EventId} from {DeviceId}/{CameraId} stored: plate {Plate}")]
    public static partial void HitStored(ILogger logger, string eventId, string deviceId, string cameraId, string plate);

    [LoggerMessage(EventId = 813, Level = LogLevel.Information, Message = "Clip {EventId} from {DeviceId} assembled and verified: {Bytes} bytes in {Path}")]
    public static partial void ClipAssembled(ILogger logger, string eventId, string deviceId, long bytes, string path);

    [LoggerMessage(EventId = 814, Level = LogLevel.Error, Message = "Clip {EventId} from {DeviceId} rejected: {Reason}; its pieces are kept in {Path}, not as a clip")]
    public static partial void ClipRejected(ILogger logger, string eventId, string deviceId, string reason, string path);

    [LoggerMessage(EventId = 815, Level = LogLevel.Error, Message = "Could not store the message on {Topic}: {Reason} — not acknowledged; trying again")]
    public static partial void StoreFailed(ILogger logger, string topic, string reason, Exception exception);

    [LoggerMessage(EventId = 816, Level = LogLevel.Debug, Message = "Stored {Kind} from {DeviceId}")]
    public static partial void DeviceMessageStored(ILogger logger, string kind, string deviceId);

    [LoggerMessage(EventId = 817, Level = LogLevel.Information, Message = "Receiver stopped: {Counters}")]
    public static partial void Stopped(ILogger logger, string counters);

    [LoggerMessage(EventId = 818, Level = LogLevel.Debug, Message = "Stored the message on {Topic} but could not acknowledge it ({Reason}); the broker sends it again and it is recognised as a duplicate")]
    public static partial void NotAcknowledged(ILogger logger, string topic, string reason);

    [LoggerMessage(EventId = 819, Level = LogLevel.Warning, Message = "The message on {Topic} is still not stored after {Attempts} attempt(s); next try in {DelaySeconds:0.#} s (the broker holds everything after it)")]
    public static partial void StoreRetry(ILogger logger, string topic, int attempts, double delaySeconds);

    [LoggerMessage(EventId = 820, Level = LogLevel.Debug, Message = "Already stored in {Kind} from {DeviceId}: a redelivery, not appended again")]
    public static partial void DuplicateDeviceMessage(ILogger logger, string kind, string deviceId);

    [LoggerMessage(EventId = 821, Level = LogLevel.Debug, Message = "Confirmed {Count} stored message(s) to device {DeviceId} on {Topic}")]
    public static partial void Confirmed(ILogger logger, int count, string deviceId, string topic);

    [LoggerMessage(EventId = 822, Level = LogLevel.Warning, Message = "Could not confirm {Count} stored message(s) to device {DeviceId}: {Reason} — the device keeps them and sends them again; they are confirmed as duplicates then")]
    public static partial void ConfirmFailed(ILogger logger, int count, string deviceId, string reason);

    [LoggerMessage(EventId = 823, Level = LogLevel.Information, Message = "Connected without a broker session: asked device {DeviceId} to send again what it has not had confirmed (it may have been lost with the broker)")]
    public static partial void AskedForResend(ILogger logger, string deviceId);

    [LoggerMessage(EventId = 830, Level = LogLevel.Information, Message = "Footage request {RequestId} (case {CaseNumber}) from {DeviceId}: {State}")]
    public static partial void FootageStatusStored(ILogger logger, string requestId, string caseNumber, string deviceId, string state);

    [LoggerMessage(EventId = 831, Level = LogLevel.Information, Message = "Footage request {RequestId} from {DeviceId} delivered and verified: {Bytes} bytes in {Path}")]
    public static partial void FootageDelivered(ILogger logger, string requestId, string deviceId, long bytes, string path);

    [LoggerMessage(EventId = 832, Level = LogLevel.Error, Message = "Footage request {RequestId} from {DeviceId}: part rejected: {Reason}; its chunks are kept in {Path}, not as footage, and a resend replaces them")]
    public static partial void FootagePartRejected(ILogger logger, string requestId, string deviceId, string reason, string path);

    [LoggerMessage(EventId = 833, Level = LogLevel.Error, Message = "Footage request {RequestId} from {DeviceId}: {Reason}; the verified parts are kept in {Path}")]
    public static partial void FootageCameraRejected(ILogger logger, string requestId, string deviceId, string reason, string path);
}
