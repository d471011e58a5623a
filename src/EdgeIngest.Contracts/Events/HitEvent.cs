namespace EdgeIngest.Events;

/// <summary>
/// A hotlist hit as published on <c>{prefix}/{device}/hits</c>. <see cref="EventId"/> is a UUIDv7
/// (time-ordered) that stays the same on every redelivery, so receivers de-duplicate by it.
/// <c>edgeingest.hit/2</c> adds <see cref="Match"/>, the entry's category, region, list version and
/// covert flag, and the version of the data-sharing agreement it was disclosed under
/// (<see cref="AgreementVersion"/>, null when the box runs under its local policy alone).
/// <c>edgeingest.hit/3</c> adds <see cref="FirstReadAt"/>, when the pass's first readable frame
/// was captured (what the hit's latency counts from; <see cref="OccurredAt"/> is its best
/// frame's time), and <see cref="Alternatives"/>, up to four other readings the pass's reads
/// support (the tracker vote's, then the recogniser's runner-up readings), which hotlist matching
/// tried after the voted plate (null when there are none).
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
    ClipPromiseJson? Clip = null,
    MatchJson? Match = null,
    long? AgreementVersion = null,
    DateTimeOffset? FirstReadAt = null,
    IReadOnlyList<string>? Alternatives = null)
{
    public const string SchemaV1 = "edgeingest.hit/1";

    public const string SchemaV2 = "edgeingest.hit/2";

    /// <summary><c>hit/2</c> plus <see cref="FirstReadAt"/>.</summary>
    public const string SchemaV3 = "edgeingest.hit/3";
}
