namespace EdgeIngest.Receiving.Footage;

/// <summary>A footage part whose length and sha256 matched the manifest, and when its last chunk arrived.</summary>
public sealed record VerifiedPart(int Index, long Bytes, string Sha256, DateTimeOffset VerifiedAt);
