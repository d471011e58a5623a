namespace EdgeIngest.Outbox;

/// <summary>A finished MP4 clip of a hit, handed to the outbox to be sent as a manifest and numbered chunks.</summary>
/// <param name="EventId">The hit's event id; the clip's topics and the drop report carry it.</param>
/// <param name="RecoveredAfterRestart">Cut at start-up from segments a crashed run left behind (see <see cref="ClipPromise"/>).</param>
public sealed record ClipToSend(
    string EventId,
    string CameraId,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    bool TruncatedPreRoll,
    ReadOnlyMemory<byte> Mp4,
    bool TruncatedPostRoll = false,
    bool RecoveredAfterRestart = false);
