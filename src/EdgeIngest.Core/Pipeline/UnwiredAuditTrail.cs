using EdgeIngest.Audit;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Pipeline;

/// <summary>
/// Placeholder until the appliance is given the hash-chained audit log (issue 18, audit part):
/// writes each record to the log only. Not tamper-evident; the lead replaces it when merging.
/// </summary>
internal sealed partial class UnwiredAuditTrail(ILogger logger) : IAuditTrail
{
    private long _count;

    public string Head => "";

    public long Count => Interlocked.Read(ref _count);

    public string Append(string kind, IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        Interlocked.Increment(ref _count);
        Recorded(logger, kind, string.Join(", ", fields.Select(f => $"{f.Key}={f.Value}")));
        return "";
    }

    [LoggerMessage(EventId = 459, Level = LogLevel.Information, Message = "Audit {Kind}: {Fields}")]
    private static partial void Recorded(ILogger logger, string kind, string fields);
}
