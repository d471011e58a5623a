namespace EdgeIngest.Reports;

/// <summary>Events of one category the agreement kept on the box, and why.</summary>
public sealed record WithheldCount(string Category, string Reason, long Count);
