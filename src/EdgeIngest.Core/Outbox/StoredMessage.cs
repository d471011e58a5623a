namespace EdgeIngest.Outbox;

/// <summary>
/// A message committed to the outbox and not yet acknowledged by the broker. <see cref="Sequence"/>
/// is the creation order (never reused); pass it to <see cref="DurableOutbox.Acknowledge"/> after the PUBACK.
/// </summary>
public sealed record StoredMessage(long Sequence, OutboxLane Lane, string Topic, string EventId, DateTimeOffset CreatedAt, byte[] Payload);
