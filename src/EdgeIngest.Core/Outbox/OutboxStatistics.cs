namespace EdgeIngest.Outbox;

/// <summary>What waits in the outbox now, and how much clip data it has had to drop since it was created.</summary>
/// <param name="Bytes">Stored payload and topic bytes of both lanes (what the disk budget counts).</param>
/// <param name="OldestCreatedAt">Creation time of the oldest waiting message; null when empty.</param>
public sealed record OutboxStatistics(long Events, long ClipMessages, long Bytes, DateTimeOffset? OldestCreatedAt, long DroppedClipBytes)
{
    public long Total => Events + ClipMessages;
}
