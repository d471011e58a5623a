using System.Text;

namespace EdgeIngest.Audit;

/// <summary>
/// Reads the audit log line by line for <c>audit show</c> and the report: each line as its record,
/// or as the problem that keeps it from being one. Whether the chain holds is
/// <see cref="AuditVerifier"/>'s question, not this one's.
/// </summary>
public static class AuditReader
{
    /// <summary>Every line in order; a missing log is an empty one.</summary>
    public static IEnumerable<(long Line, AuditRecord? Record, string? Problem)> ReadLines(AuditPaths paths)
    {
        if (!File.Exists(paths.LogFile))
        {
            yield break;
        }

        long line = 0;
        foreach (var text in File.ReadLines(paths.LogFile, Encoding.UTF8))
        {
            line++;
            var record = AuditLineFormat.TryParse(Encoding.UTF8.GetBytes(text), line, out var problem);
            yield return (line, record, problem);
        }
    }

    /// <summary>The records that parse, in file order.</summary>
    public static IEnumerable<AuditRecord> ReadRecords(AuditPaths paths) =>
        ReadLines(paths).Where(l => l.Record is not null).Select(l => l.Record!);
}
