namespace EdgeIngest.Events;

/// <summary>
/// A hit's clip, announced on <c>{prefix}/{device}/clips/{event_id}/manifest</c> before its raw
/// chunks; the receiver keeps the clip only when the assembled bytes match <see cref="Sha256"/>.
/// </summary>
public sealed record ClipManifestEvent(
    string Schema,
    string EventId,
    string DeviceId,
    string CameraId,
    string ContentType,
    long Bytes,
    int ChunkBytes,
    int Chunks,
    string Sha256,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    bool TruncatedPreRoll)
{
    public const string SchemaV1 = "edgeingest.clip/1";
}
