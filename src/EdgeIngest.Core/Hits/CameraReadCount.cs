namespace EdgeIngest.Hits;

/// <summary>How many vehicles one camera has read since start, and when the last one was (for the owner's Status page).</summary>
public sealed class CameraReadCount
{
    private long _reads;
    private long _lastAtTicks;

    public long Reads => Interlocked.Read(ref _reads);

    public DateTimeOffset? LastAt => Interlocked.Read(ref _lastAtTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    internal void Count(DateTimeOffset at)
    {
        Interlocked.Increment(ref _reads);
        Interlocked.Exchange(ref _lastAtTicks, at.UtcTicks);
    }
}
