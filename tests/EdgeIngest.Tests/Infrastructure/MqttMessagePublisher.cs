using EdgeIngest.Interop.Mqtt;

using EdgeIngest.Publishing;

namespace EdgeIngest.Tests.Infrastructure;

/// <summary>
/// A test-side publisher over the MQTTnet client (the appliance itself publishes through
/// its AgencyConnection and outbox): <see cref="IMessagePublisher"/> over an MQTT client. PublishAsync completes on PUBACK (QoS 1);
/// while the link is down it fails at once with <see cref="MqttException"/> naming the broker and
/// why it is down. Queueing across outages is the outbox's job, not this class's.
/// </summary>
public sealed class MqttMessagePublisher(IMqttClient client) : IMessagePublisher
{
    /// <summary>The connection, for its Connected/Disconnected events.</summary>
    public IMqttClient Client { get; } = client ?? throw new ArgumentNullException(nameof(client));

    /// <summary>Connects an MQTT client with these options; throws <see cref="MqttConnectException"/> on failure.</summary>
    public static async Task<MqttMessagePublisher> ConnectAsync(MqttOptions options, CancellationToken cancellationToken, MqttLastWill? lastWill = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var connection = new MqttNetClient(options.ToConnectionSettings(lastWill));
        try
        {
            await connection.ConnectAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new MqttMessagePublisher(connection);
    }

    public Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, int qos, bool retain, CancellationToken cancellationToken) =>
        Client.PublishAsync(topic, payload, qos, retain, cancellationToken);

    public ValueTask DisposeAsync() => Client.DisposeAsync();
}
