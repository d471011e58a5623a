namespace EdgeIngest.Publishing;

/// <summary>What ends a message's delivery, i.e. when it may leave the outbox.</summary>
public enum DeliveryConfirmation
{
    /// <summary>
    /// The receiver's end-to-end acknowledgement on <c>{prefix}/{device}/acks</c>: the message is
    /// stored at the agency. A PUBACK only marks it sent. The service always uses this.
    /// </summary>
    Receiver = 0,

    /// <summary>
    /// The broker's PUBACK. Loses what a crashing broker had not saved; only for a broker with no
    /// receiver behind it (transport tests and benchmarks).
    /// </summary>
    Broker = 1,
}
