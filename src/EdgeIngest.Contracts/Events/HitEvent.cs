namespace EdgeIngest.Events;

/// <summary>
/// A hotlist hit as published on <c>{prefix}/{device}/hits</c>. <see cref="EventId"/> is a UUIDv7
/// (time-ordered) that stays the same on every redelivery, so receivers de-duplicate by it.
/// </summary>
public sealed record HitEvent(
    string Schema,
    string EventId,
    string DeviceId,
    string CameraId,
    DateTimeOffset OccurredAt,
    string Plate,
    float Confidence,
    HotlistJson Hotlist,
    BoxJson Box,
    SnapshotJson Snapshot,
    ClipPromiseJson? Clip = null)
{
    public const string SchemaV1 = "edgeingest.hit/1";
}
