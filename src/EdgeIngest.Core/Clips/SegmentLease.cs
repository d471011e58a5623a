namespace EdgeIngest.Clips;

/// <summary>Segments a cut is reading: their files are not deleted until this is disposed.</summary>
internal sealed class SegmentLease : IDisposable
{
    private readonly SegmentRing _ring;
    private readonly SegmentRing.Entry[] _entries;
    private int _released;

    public SegmentLease(SegmentRing ring, SegmentRing.Entry[] entries)
    {
        _ring = ring;
        _entries = entries;
        Segments = [.. entries.Select(entry => entry.Segment)];
    }

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<Segment> Segments { get; }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _ring.Release(_entries);
        }
    }
}
