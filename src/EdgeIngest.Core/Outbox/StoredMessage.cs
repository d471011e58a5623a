namespace EdgeIngest.Outbox;

/// <summary>
/// A message committed to the outbox and not yet confirmed by the receiver. <see cref="Sequence"/>
/// is the creation order (never reused); pass it to <see cref="DurableOutbox.MarkSent"/> after the PUBACK.
/// </summary>
public sealed record StoredMessage(long Sequence, OutboxLane Lane, string Topic, string EventId, DateTimeOffset CreatedAt, byte[] Payload);
