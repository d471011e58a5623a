using Microsoft.Extensions.Logging;

namespace EdgeIngest.Audit;

internal static partial class AuditLogLog
{
    [LoggerMessage(EventId = 600, Level = LogLevel.Information, Message = "Audit log {File}: chain intact, {Seq} records, head {Head}")]
    public static partial void Opened(ILogger logger, string file, long seq, string head);

    [LoggerMessage(EventId = 601, Level = LogLevel.Error, Message = "AUDIT CHAIN BROKEN in {File}: {Break}. The service goes on recording after it; `edgeingest audit verify` and the report name the break until the log is examined")]
    public static partial void ChainBroken(ILogger logger, string file, string @break);

    [LoggerMessage(EventId = 602, Level = LogLevel.Error, Message = "Could not write the audit record {Kind}: {Reason}")]
    public static partial void AppendFailed(ILogger logger, string kind, string reason);
}
