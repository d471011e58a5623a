namespace EdgeIngest.Receiving.Footage;

/// <summary>When a footage manifest first arrived, and the sha256 of its bytes as stored.</summary>
public sealed record ManifestReceipt(DateTimeOffset ReceivedAt, string Sha256);
