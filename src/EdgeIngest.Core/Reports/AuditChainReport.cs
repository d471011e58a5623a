namespace EdgeIngest.Reports;

/// <summary>The audit chain's state: intact or not, its head, and the first bad record.</summary>
public sealed record AuditChainReport(bool Intact, long Records, long HeadSeq, string Head, long? FirstBadSeq, long? FirstBadLine, string? Problem);
