using Microsoft.Extensions.Logging;

namespace EdgeIngest.Publishing;

internal static partial class OutboxSenderLog
{
    [LoggerMessage(EventId = 302, Level = LogLevel.Warning, Message = "Event {EventId} to {Topic} not acknowledged: {Reason} — it stays in the outbox and will be sent again")]
    public static partial void PublishFailed(ILogger logger, string eventId, string topic, string reason);

    [LoggerMessage(EventId = 303, Level = LogLevel.Information, Message = "Event {EventId} sent to {Topic} ({Bytes} bytes, acknowledged by the broker)")]
    public static partial void Delivered(ILogger logger, string eventId, string topic, int bytes);

    [LoggerMessage(EventId = 309, Level = LogLevel.Debug, Message = "Clip message of event {EventId} sent to {Topic} ({Bytes} bytes, acknowledged by the broker)")]
    public static partial void ClipMessageDelivered(ILogger logger, string eventId, string topic, int bytes);

    [LoggerMessage(EventId = 310, Level = LogLevel.Information, Message = "Stopping with {Waiting} message(s) still in the outbox; they are sent after the next start")]
    public static partial void StoppedWithBacklog(ILogger logger, long waiting);

    [LoggerMessage(EventId = 311, Level = LogLevel.Debug, Message = "The agency confirmed {Confirmed} of {Keys} message(s) as stored; they left the outbox")]
    public static partial void Confirmed(ILogger logger, int confirmed, int keys);

    [LoggerMessage(EventId = 312, Level = LogLevel.Information, Message = "Connected again: sending the {Count} message(s) the agency has not confirmed yet once more (a broker restart may have lost them)")]
    public static partial void ResendingAfterReconnect(ILogger logger, int count);

    [LoggerMessage(EventId = 314, Level = LogLevel.Information, Message = "The agency's receiver came back without its broker session: sending the {Count} message(s) it has not confirmed once more")]
    public static partial void ResendingForReceiver(ILogger logger, int count);

    [LoggerMessage(EventId = 313, Level = LogLevel.Warning, Message = "Ignored a message on {Topic} that is not an edgeingest.ack/1 for this device: {Reason}")]
    public static partial void BadAcknowledgement(ILogger logger, string topic, string reason);
}
