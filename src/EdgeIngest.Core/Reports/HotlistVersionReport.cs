namespace EdgeIngest.Reports;

/// <summary>A hotlist version in force during the report's span: when the box accepted it, and its size.</summary>
public sealed record HotlistVersionReport(string Version, DateTimeOffset? AcceptedAt, string? Entries);
