namespace EdgeIngest.Records;

/// <summary>What the local store holds at one moment.</summary>
public sealed record StoreContents(long Reads, long Hits, long EvidenceFiles, long EvidenceBytes);
