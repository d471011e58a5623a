using Microsoft.Extensions.Logging;

namespace EdgeIngest.WebConsole.Hosting;

internal static partial class ConsoleLog
{
    [LoggerMessage(EventId = 900, Level = LogLevel.Information, Message = "Web console at {Address}")]
    public static partial void Listening(ILogger logger, string address);

    [LoggerMessage(EventId = 901, Level = LogLevel.Warning, Message = "Web console: no password yet; set one at {SetupLink} (this link works until a password is set)")]
    public static partial void SetupLink(ILogger logger, string setupLink);

    [LoggerMessage(EventId = 902, Level = LogLevel.Warning, Message = "Web console: {Outcome} from {RemoteAddress}")]
    public static partial void Access(ILogger logger, string outcome, string remoteAddress);

    [LoggerMessage(EventId = 903, Level = LogLevel.Information, Message = "Web console HTTPS: {Source}; SHA-256 fingerprint {Fingerprint} (check it in the browser on first connect), valid until {ExpiresOn}")]
    public static partial void Certificate(ILogger logger, string source, string fingerprint, string expiresOn);
}
