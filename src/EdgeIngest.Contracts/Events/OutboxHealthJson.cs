namespace EdgeIngest.Events;

/// <summary>What waits in the outbox: messages per lane, stored bytes, the oldest one's age, and clip bytes dropped so far.</summary>
public sealed record OutboxHealthJson(long Events, long ClipMessages, long Bytes, double OldestAgeSeconds, long DroppedClipBytes);
