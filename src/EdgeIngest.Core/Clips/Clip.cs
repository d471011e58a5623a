namespace EdgeIngest.Clips;

/// <summary>
/// A cut clip: an MP4 (index first) in the clip folder, its size and SHA-256 (lower-case hex,
/// as in the <c>edgeingest.clip/1</c> manifest), and the wall-clock span it really holds.
/// Segments are whole, so the span usually reaches a little beyond what was asked for.
/// </summary>
/// <param name="TruncatedPreRoll">The ring no longer (or not yet) held video from <see cref="RequestedFrom"/>: the clip starts later.</param>
/// <param name="TruncatedPostRoll">No video up to <see cref="RequestedTo"/> arrived within the wait (camera down): the clip ends earlier.</param>
public sealed record Clip(
    string CameraId,
    string Path,
    long Bytes,
    string Sha256,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    DateTimeOffset RequestedFrom,
    DateTimeOffset RequestedTo,
    bool TruncatedPreRoll,
    bool TruncatedPostRoll,
    int Segments)
{
    public const string ContentType = "video/mp4";

    public TimeSpan Duration => EndsAt - StartsAt;
}
