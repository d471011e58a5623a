using Microsoft.Extensions.Logging;

namespace EdgeIngest.Hosting;

internal static partial class BackgroundLoopLog
{
    [LoggerMessage(EventId = 90, Level = LogLevel.Error, Message = "The {Loop} stopped on an unexpected error; it does not run again until the service restarts")]
    public static partial void Crashed(ILogger logger, string loop, Exception exception);

    [LoggerMessage(EventId = 91, Level = LogLevel.Warning, Message = "The {Loop} did not end within {Seconds} s of being stopped; the stop goes on without it")]
    public static partial void DidNotStop(ILogger logger, string loop, double seconds);
}
