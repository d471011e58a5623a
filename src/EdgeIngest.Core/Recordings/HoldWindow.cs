namespace EdgeIngest.Recordings;

/// <summary>A window of one camera kept from the age purge (a pending or approved footage request).</summary>
internal readonly record struct HoldWindow(string CameraId, long FromUnixMs, long ToUnixMs)
{
    public bool Covers(in ArchivedSegment segment) => segment.Overlaps(FromUnixMs, ToUnixMs);
}
