namespace EdgeIngest.Footage;

/// <summary>
/// One camera's footage in a manifest: the video's own span (whole segments), its size and the
/// sha256 of its parts concatenated in order.
/// </summary>
public sealed record FootageCameraJson(
    string CameraId,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    long Bytes,
    string Sha256,
    IReadOnlyList<FootagePartJson> Parts);
