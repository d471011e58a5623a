namespace EdgeIngest.Reports;

/// <summary>Hits of one hotlist category and match kind (<c>exact</c>, <c>look_alike</c>, <c>wildcard</c>).</summary>
public sealed record HitCount(string Category, string MatchKind, long Count);
