using Microsoft.Extensions.Logging;

namespace EdgeIngest.Publishing;

internal static partial class OutboxSenderLog
{
    [LoggerMessage(EventId = 302, Level = LogLevel.Warning, Message = "Event {EventId} to {Topic} not acknowledged: {Reason} — it stays in the outbox and will be sent again")]
    public static partial void PublishFailed(ILogger logger, string eventId, string topic, string reason);

    [LoggerMessage(EventId = 303, Level = LogLevel.Information, Message = "Event {EventId} delivered to {Topic} ({Bytes} bytes, acknowledged by the broker)")]
    public static partial void Delivered(ILogger logger, string eventId, string topic, int bytes);

    [LoggerMessage(EventId = 309, Level = LogLevel.Debug, Message = "Clip message of event {EventId} delivered to {Topic} ({Bytes} bytes)")]
    public static partial void ClipMessageDelivered(ILogger logger, string eventId, string topic, int bytes);

    [LoggerMessage(EventId = 310, Level = LogLevel.Information, Message = "Stopping with {Waiting} message(s) still in the outbox; they are sent after the next start")]
    public static partial void StoppedWithBacklog(ILogger logger, long waiting);
}
