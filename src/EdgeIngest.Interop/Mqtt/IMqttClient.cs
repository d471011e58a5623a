namespace EdgeIngest.Interop.Mqtt;

/// <summary>
/// An MQTT 5 client connection. Small on purpose, so that a managed client (MQTTnet) can replace
/// the libmosquitto binding where that package restores. Events are raised on the client's network
/// thread: handlers must return quickly and must not block on the client.
/// </summary>
public interface IMqttClient : IAsyncDisposable, IDisposable
{
    /// <summary>The broker as "host:port", for messages and logs.</summary>
    string Broker { get; }

    bool IsConnected { get; }

    /// <summary>Raised on every successful CONNACK, including after an automatic reconnect.</summary>
    event EventHandler<MqttConnectedEventArgs>? Connected;

    /// <summary>Raised when an established connection ends, for whatever reason.</summary>
    event EventHandler<MqttDisconnectedEventArgs>? Disconnected;

    event EventHandler<MqttReceivedMessage>? MessageReceived;

    /// <summary>
    /// Connects once; completes on a successful CONNACK and throws <see cref="MqttConnectException"/>
    /// naming the broker and the cause otherwise. After a failure, dispose the client and make a new one.
    /// </summary>
    Task ConnectAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Completes when the broker has acknowledged the message (PUBACK for QoS 1; written to the
    /// socket for QoS 0). Throws <see cref="MqttException"/> when not connected, and faults with it
    /// when the broker rejects the message or the connection drops before the acknowledgement.
    /// </summary>
    Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, int qos, bool retain, CancellationToken cancellationToken);

    /// <summary>Completes on SUBACK. The subscription is renewed after a reconnect that lost the session.</summary>
    Task SubscribeAsync(string topicFilter, int qos, CancellationToken cancellationToken);

    /// <summary>Sends DISCONNECT (so the broker does not publish the will) and stops the network loop.</summary>
    Task DisconnectAsync(CancellationToken cancellationToken);
}
