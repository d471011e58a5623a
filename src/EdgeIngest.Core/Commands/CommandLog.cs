using Microsoft.Extensions.Logging;

namespace EdgeIngest.Commands;

internal static partial class CommandLog
{
    [LoggerMessage(EventId = 400, Level = LogLevel.Information, Message = "Command {CommandId} ({Type}) done: {Summary}")]
    public static partial void Accepted(ILogger logger, string commandId, string type, string summary);

    [LoggerMessage(EventId = 401, Level = LogLevel.Warning, Message = "Command {CommandId} rejected: {Reason}")]
    public static partial void Rejected(ILogger logger, string commandId, string reason);

    [LoggerMessage(EventId = 402, Level = LogLevel.Information, Message = "Command {CommandId} was delivered again; answering as before (ok: {Ok}) without applying it again")]
    public static partial void Repeated(ILogger logger, string commandId, bool ok);
}
