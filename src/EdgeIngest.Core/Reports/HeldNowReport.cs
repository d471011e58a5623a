namespace EdgeIngest.Reports;

/// <summary>What the box holds at the report's time (everything older went at its retention).</summary>
public sealed record HeldNowReport(long Reads, long Hits, long EvidenceFiles, long EvidenceBytes);
