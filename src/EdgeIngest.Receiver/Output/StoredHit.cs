using EdgeIngest.Events;

namespace EdgeIngest.Receiving.Output;

/// <summary>
/// A hit as the receiver keeps it (<c>hits/{device}/{event_id}.json</c> and one line of
/// <c>hits.jsonl</c>): the event's fields, the snapshots as file names beside it instead of base64,
/// and when it arrived. <c>stored-hit/2</c> keeps how it matched and the agreement version
/// (null for a device that sent <c>hit/1</c>); <c>stored-hit/3</c> adds when the pass's first readable frame was
/// captured (null for a device that does not send it).
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
    StoredSnapshots Snapshot,
    MatchJson? Match = null,
    long? AgreementVersion = null,
    DateTimeOffset? FirstReadAt = null,
    IReadOnlyList<string>? Alternatives = null)
{
    public const string SchemaV1 = "edgeingest.stored-hit/1";

    public const string SchemaV2 = "edgeingest.stored-hit/2";

    /// <summary><c>stored-hit/2</c> plus <c>first_read_at</c>.</summary>
    public const string SchemaV3 = "edgeingest.stored-hit/3";
}
