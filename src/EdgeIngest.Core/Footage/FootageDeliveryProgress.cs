namespace EdgeIngest.Footage;

/// <summary>
/// How far an approved request's delivery got: the parts planned (0 until the manifest is
/// written), those stored in the outbox for sending, those the receiver confirmed, and the bytes
/// of video in all. <see cref="SentAt"/> is when the last part was stored for sending.
/// </summary>
public sealed record FootageDeliveryProgress(int PartsTotal, int PartsStored, int PartsConfirmed, long Bytes, bool ManifestQueued, DateTimeOffset? SentAt)
{
    public static FootageDeliveryProgress None { get; } = new(0, 0, 0, 0, false, null);

    public bool Planned => PartsTotal > 0 || ManifestQueued;
}
