namespace EdgeIngest.Tests.Infrastructure;

/// <summary>
/// Sends messages to the agency's broker. The task completes when the broker has acknowledged
/// the message (PUBACK for QoS 1), and faults with a clear reason when it cannot be delivered.
/// </summary>
public interface IMessagePublisher : IAsyncDisposable
{
    Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, int qos, bool retain, CancellationToken cancellationToken);
}
