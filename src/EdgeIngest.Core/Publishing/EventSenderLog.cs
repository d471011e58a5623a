using Microsoft.Extensions.Logging;

namespace EdgeIngest.Publishing;

internal static partial class EventSenderLog
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Connected to the agency broker {Broker}")]
    public static partial void Connected(ILogger logger, string broker);

    [LoggerMessage(EventId = 301, Level = LogLevel.Warning, Message = "Cannot reach the agency broker: {Reason} — retrying in {DelaySeconds:0.#} s; {Pending} event(s) waiting")]
    public static partial void ConnectFailed(ILogger logger, string reason, double delaySeconds, int pending);

    [LoggerMessage(EventId = 302, Level = LogLevel.Warning, Message = "Event {EventId} to {Topic} not acknowledged: {Reason} — it will be sent again")]
    public static partial void PublishFailed(ILogger logger, string eventId, string topic, string reason);

    [LoggerMessage(EventId = 303, Level = LogLevel.Information, Message = "Event {EventId} delivered to {Topic} ({Bytes} bytes, acknowledged by the broker)")]
    public static partial void Delivered(ILogger logger, string eventId, string topic, int bytes);
}
