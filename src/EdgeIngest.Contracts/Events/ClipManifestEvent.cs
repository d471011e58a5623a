namespace EdgeIngest.Events;

/// <summary>
/// A hit's clip, announced on <c>{prefix}/{device}/clips/{event_id}/manifest</c> before its raw
/// chunks; the receiver keeps the clip only when the assembled bytes match <see cref="Sha256"/>.
/// </summary>
/// <param name="TruncatedPostRoll">The clip ends before the promised post-roll: the appliance stopped, or the camera sent nothing in time.</param>
/// <param name="RecoveredAfterRestart">Cut at a restart from the video that survived a crash during the post-roll (then usually also <paramref name="TruncatedPostRoll"/>).</param>
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
    bool TruncatedPreRoll,
    bool TruncatedPostRoll = false,
    bool RecoveredAfterRestart = false)
{
    public const string SchemaV1 = "edgeingest.clip/1";
}
