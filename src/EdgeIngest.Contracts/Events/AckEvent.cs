namespace EdgeIngest.Events;

/// <summary>
/// The receiver's end-to-end acknowledgement on <c>{prefix}/{device}/acks</c> (QoS 1, not
/// retained): the messages of that device it has durably stored, or found already stored. Only on
/// this may the device delete a message from its outbox; a broker's PUBACK is not enough, since a
/// broker that crashes before saving a message has acknowledged it all the same. Each entry of
/// <see cref="Messages"/> is an <see cref="AckKeys"/> key.
/// <see cref="ResendUnconfirmed"/> asks the device to send at once everything it holds sent but
/// unconfirmed: the receiver connected without its broker session (the broker was killed before
/// saving it), so whatever the device sent while the receiver was away is gone from the broker.
/// </summary>
public sealed record AckEvent(string Schema, string DeviceId, DateTimeOffset At, IReadOnlyList<string> Messages, bool ResendUnconfirmed = false)
{
    public const string SchemaV1 = "edgeingest.ack/1";
}
