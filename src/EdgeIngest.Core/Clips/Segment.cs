namespace EdgeIngest.Clips;

/// <summary>
/// One closed MPEG-TS segment of a camera's recording, with the wall-clock span it holds
/// (accurate to about one keyframe interval).
/// </summary>
public sealed record Segment(string Path, DateTimeOffset StartsAt, DateTimeOffset EndsAt, long Bytes)
{
    public TimeSpan Duration => EndsAt - StartsAt;

    public bool Overlaps(DateTimeOffset from, DateTimeOffset to) => EndsAt > from && StartsAt < to;
}
