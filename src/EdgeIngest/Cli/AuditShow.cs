using EdgeIngest.Audit;

namespace EdgeIngest.Cli;

/// <summary>Prints the audit for <c>audit show</c>: each record in plain words, the break marked where it is, the chain's state last.</summary>
internal static class AuditShow
{
    /// <returns><see cref="ToolExit.Ok"/> when the chain holds, <see cref="ToolExit.Failed"/> when it does not (the records are printed either way).</returns>
    public static int Print(AuditPaths paths, DateTimeOffset? since, TextWriter output)
    {
        var verification = AuditVerifier.Verify(paths);
        var breakLine = verification.FirstBreak?.Line ?? -1;
        var shown = 0;
        foreach (var (line, record, problem) in AuditReader.ReadLines(paths))
        {
            if (line == breakLine)
            {
                output.WriteLine($"!!! THE CHAIN BREAKS HERE: {verification.FirstBreak}");
            }

            if (record is null)
            {
                output.WriteLine($"(line {line}: {problem})");
                continue;
            }

            if (since is { } from && record.AtTime is { } at && at < from)
            {
                continue;
            }

            output.WriteLine(AuditText.Describe(record));
            shown++;
        }

        if (shown == 0)
        {
            output.WriteLine(since is null ? "The audit holds no record yet." : "No record since then.");
        }

        output.WriteLine(verification.FirstBreak is { } broken
            ? $"The chain does NOT hold: first bad {broken}"
            : $"The chain holds: {verification.Records} records, head {verification.Head}.");
        return verification.Intact ? ToolExit.Ok : ToolExit.Failed;
    }
}
