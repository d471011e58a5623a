namespace EdgeIngest.Events;

/// <summary>
/// A plate read that is not a hit, published on <c>{prefix}/{device}/reads</c> only when the
/// sharing policy is <c>all_reads</c>. No pictures: reads of innocent vehicles carry the minimum.
/// </summary>
public sealed record ReadEvent(
    string Schema,
    string EventId,
    string DeviceId,
    string CameraId,
    DateTimeOffset OccurredAt,
    string Plate,
    float Confidence,
    BoxJson Box)
{
    public const string SchemaV1 = "edgeingest.read/1";
}
