namespace EdgeIngest.Interop.Mqtt;

/// <summary>
/// A message delivered to a subscription; the payload is a managed copy the receiver owns.
/// <see cref="AcknowledgeAsync"/> sends the PUBACK when the client was made with manual
/// acknowledgement (call it once the message is safely stored); otherwise the client has already
/// acknowledged it and the call does nothing.
/// </summary>
public sealed record MqttReceivedMessage(string Topic, byte[] Payload, int Qos, bool Retain)
{
    internal Func<CancellationToken, Task>? Acknowledgement { get; init; }

    /// <summary>
    /// Sends the PUBACK. Fails with <see cref="MqttException"/> when the connection that carried the
    /// message has ended: the broker then sends the message again on the next connection.
    /// </summary>
    public Task AcknowledgeAsync(CancellationToken cancellationToken) =>
        Acknowledgement?.Invoke(cancellationToken) ?? Task.CompletedTask;
}
