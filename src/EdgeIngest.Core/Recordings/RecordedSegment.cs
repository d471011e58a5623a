namespace EdgeIngest.Recordings;

/// <summary>
/// One closed MPEG-TS segment of a camera's continuous recording on disk, with the wall-clock span
/// it holds (accurate to about one keyframe interval). Its bytes are what the camera sent,
/// copied without re-encoding; a closed segment never changes.
/// </summary>
public sealed record RecordedSegment(string CameraId, string Path, DateTimeOffset StartsAt, DateTimeOffset EndsAt, long Bytes)
{
    public bool Overlaps(DateTimeOffset from, DateTimeOffset to) => EndsAt > from && StartsAt < to;
}
