namespace EdgeIngest.Footage;

/// <summary>One record's place in the device's audit chain: its sequence number and hash.</summary>
public sealed record AuditPositionJson(long Sequence, string Hash);
