namespace EdgeIngest.Receiving.Clips;

/// <summary>What an <c>edgeingest.clip/1</c> manifest promises: the size, the chunking and the digest.</summary>
public sealed record ClipManifest(string DeviceId, string EventId, long Bytes, int ChunkBytes, int Chunks, string Sha256)
{
    public const string SchemaV1 = "edgeingest.clip/1";

    /// <summary>The size chunk <paramref name="index"/> must have: <c>chunk_bytes</c>, except the last.</summary>
    public long ExpectedChunkLength(int index) =>
        index < Chunks - 1 ? ChunkBytes : Bytes - ((long)ChunkBytes * (Chunks - 1));
}
