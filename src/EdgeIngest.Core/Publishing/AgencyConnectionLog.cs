using Microsoft.Extensions.Logging;

namespace EdgeIngest.Publishing;

internal static partial class AgencyConnectionLog
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Connected to the agency broker {Broker}{AfterOutage}; status online on {Topic}")]
    public static partial void Connected(ILogger logger, string broker, string afterOutage, string topic);

    [LoggerMessage(EventId = 301, Level = LogLevel.Warning, Message = "Cannot reach the agency broker: {Reason} — retrying with backoff (at most {MaxDelaySeconds:0.#} s apart); events wait in the outbox")]
    public static partial void ConnectFailed(ILogger logger, string reason, double maxDelaySeconds);

    [LoggerMessage(EventId = 304, Level = LogLevel.Debug, Message = "Agency broker still unreachable (attempt {Attempt}): {Reason}; next try in {DelaySeconds:0.0} s")]
    public static partial void StillFailing(ILogger logger, int attempt, string reason, double delaySeconds);

    [LoggerMessage(EventId = 305, Level = LogLevel.Warning, Message = "Lost the agency broker {Broker}: {Reason} — reconnecting; events wait in the outbox")]
    public static partial void Lost(ILogger logger, string broker, string reason);

    [LoggerMessage(EventId = 306, Level = LogLevel.Warning, Message = "Connected to {Broker} but could not announce the device or subscribe: {Reason} — reconnecting")]
    public static partial void SetUpFailed(ILogger logger, string broker, string reason);

    [LoggerMessage(EventId = 307, Level = LogLevel.Information, Message = "Disconnected from the agency broker {Broker} (status offline)")]
    public static partial void Stopped(ILogger logger, string broker);

    [LoggerMessage(EventId = 308, Level = LogLevel.Error, Message = "The handler for a message on {Topic} failed")]
    public static partial void HandlerFailed(ILogger logger, string topic, Exception exception);
}
