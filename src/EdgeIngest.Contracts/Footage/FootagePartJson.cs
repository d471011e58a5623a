namespace EdgeIngest.Footage;

/// <summary>One part of a camera's footage: whole segments' bytes, sent as <see cref="Chunks"/> chunks.</summary>
public sealed record FootagePartJson(int Index, long Bytes, int Chunks, string Sha256);
