namespace EdgeIngest.Receiving.Footage;

/// <summary>One camera's footage file as stored and verified: its parts, the whole, and when it was complete.</summary>
public sealed record VerifiedCamera(
    string CameraId,
    string File,
    long Bytes,
    string Sha256,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    DateTimeOffset CompletedAt,
    IReadOnlyList<VerifiedPart> Parts);
