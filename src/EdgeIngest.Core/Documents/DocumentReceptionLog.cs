using Microsoft.Extensions.Logging;

namespace EdgeIngest.Documents;

internal static partial class DocumentReceptionLog
{
    [LoggerMessage(EventId = 450, Level = LogLevel.Information, Message = "Accepted signed {Document} version {Version} from {Source}: {Summary}")]
    public static partial void Accepted(ILogger logger, string document, long version, string source, string summary);

    [LoggerMessage(EventId = 451, Level = LogLevel.Warning, Message = "Rejected signed {Document} from {Source} ({Reason}): {Message}; the {Document} in force stays")]
    public static partial void Rejected(ILogger logger, string document, string source, string reason, string message);

    [LoggerMessage(EventId = 452, Level = LogLevel.Debug, Message = "The same signed document arrived again from {Source} (already {Verdict}); nothing to do")]
    public static partial void Repeated(ILogger logger, string source, string verdict);

    [LoggerMessage(EventId = 453, Level = LogLevel.Information, Message = "The retained {Document} message was cleared on {Topic}; the {Document} in force stays")]
    public static partial void Cleared(ILogger logger, string document, string topic);

    [LoggerMessage(EventId = 454, Level = LogLevel.Information, Message = "Inbox file {File} {Verdict}; moved to {Destination}")]
    public static partial void InboxFileHandled(ILogger logger, string file, string verdict, string destination);

    [LoggerMessage(EventId = 455, Level = LogLevel.Error, Message = "Inbox file {File} could not be moved out of the inbox: {Problem}")]
    public static partial void InboxMoveFailed(ILogger logger, string file, string problem);

    [LoggerMessage(EventId = 456, Level = LogLevel.Error, Message = "The audit could not record the start-up adoption of {Source}: {Problem}")]
    public static partial void AuditFailed(ILogger logger, string source, string problem);
}
