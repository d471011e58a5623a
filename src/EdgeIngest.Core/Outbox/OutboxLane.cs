namespace EdgeIngest.Outbox;

/// <summary>
/// The outbox's two queues. The sender always takes from <see cref="Events"/> first, so a hit never
/// waits behind clip chunks (at most behind the one chunk already in flight).
/// </summary>
public enum OutboxLane
{
    /// <summary>Hits, reads, drops, command results: small, never dropped.</summary>
    Events = 0,

    /// <summary>Clip manifests and chunks: bulky; evicted a whole clip at a time, oldest first, when the disk budget is exhausted.</summary>
    Clips = 1,
}
