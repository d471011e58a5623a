namespace EdgeIngest.Audit;

/// <summary>
/// The first record that does not hold: its line in the file and the seq it should have had (or
/// had), and what is wrong with it in words. <see cref="Line"/> is 0 when the problem is not a
/// line of the file (the log is shorter than its anchor or the agency's checkpoint says).
/// </summary>
public sealed record AuditBreak(long Seq, long Line, string Problem)
{
    public override string ToString() => Line > 0 ? $"record {Seq} (line {Line}): {Problem}" : $"record {Seq}: {Problem}";
}
