using EdgeIngest.Events;

namespace EdgeIngest.Receiving.Output;

/// <summary>
/// A hit as the receiver keeps it (<c>hits/{device}/{event_id}.json</c> and one line of
/// <c>hits.jsonl</c>): the event's fields, the snapshots as file names beside it instead of base64,
/// and when it arrived.
/// </summary>
public sealed record StoredHit(
    string Schema,
    string EventId,
    string DeviceId,
    string CameraId,
    DateTimeOffset OccurredAt,
    DateTimeOffset ReceivedAt,
    string Plate,
    float Confidence,
    HotlistJson Hotlist,
    BoxJson Box,
    StoredSnapshots Snapshot)
{
    public const string SchemaV1 = "edgeingest.stored-hit/1";
}
