using Microsoft.Extensions.Logging;

namespace EdgeIngest.Publishing;

internal static partial class HeartbeatSenderLog
{
    [LoggerMessage(EventId = 311, Level = LogLevel.Debug, Message = "Heartbeat not sent: {Reason} (the next one follows at the next interval)")]
    public static partial void NotSent(ILogger logger, string reason);
}
