namespace EdgeIngest.Recordings;

/// <summary>
/// One segment in a camera's index: 24 bytes, no strings, so 72 h of 2 s segments (≈130,000)
/// cost about 3 MB per camera. Its path is rebuilt from the times when someone asks.
/// </summary>
internal readonly record struct ArchivedSegment(long StartUnixMs, long EndUnixMs, long Bytes)
{
    public bool Overlaps(long fromUnixMs, long toUnixMs) => EndUnixMs > fromUnixMs && StartUnixMs < toUnixMs;
}
