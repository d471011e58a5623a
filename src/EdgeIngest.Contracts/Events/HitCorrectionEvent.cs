namespace EdgeIngest.Events;

/// <summary>
/// Published on <c>{prefix}/{device}/corrections</c> when a hit was sent early (its vote settled
/// within the first second) and the pass's final vote disagrees. <see cref="CorrectsEventId"/>
/// is the hit's event id; <see cref="Plate"/> is the final vote. <see cref="Hotlist"/> and
/// <see cref="Match"/> describe the entry the final plate still matches, or are null when it no
/// longer matches any entry the agreement lets the device send: the hit should not be acted on.
/// Its own <see cref="EventId"/> (UUIDv7) de-duplicates it like a hit.
/// </summary>
public sealed record HitCorrectionEvent(
    string Schema,
    string EventId,
    string CorrectsEventId,
    string DeviceId,
    string CameraId,
    DateTimeOffset OccurredAt,
    string Plate,
    float Confidence,
    int Reads,
    HotlistJson? Hotlist,
    MatchJson? Match)
{
    public const string SchemaV1 = "edgeingest.hit-correction/1";
}
