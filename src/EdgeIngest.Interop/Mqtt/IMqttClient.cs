namespace EdgeIngest.Interop.Mqtt;

/// <summary>
/// One MQTT 5 connection to a broker, made once and not remade: after it ends (or fails to
/// start), dispose it and make a new one. Reconnecting is the caller's policy, in one place
/// (<c>Publishing/ConnectBackoff</c>). Events are raised on the client's own tasks: handlers must
/// return quickly and must not wait on the client.
/// </summary>
public interface IMqttClient : IAsyncDisposable, IDisposable
{
    /// <summary>The broker as "host:port", for messages and logs.</summary>
    string Broker { get; }

    bool IsConnected { get; }

    /// <summary>
    /// How many QoS 1 publishes the broker accepts unacknowledged at once (the CONNACK's Receive
    /// Maximum; 65,535 when the broker sets none). Publishing more is allowed but they wait in the
    /// broker's socket buffer; senders keep at most this many in flight.
    /// </summary>
    int BrokerReceiveMaximum { get; }

    /// <summary>Raised once, on the successful CONNACK.</summary>
    event EventHandler<MqttConnectedEventArgs>? Connected;

    /// <summary>Raised once, when the established connection ends, for whatever reason.</summary>
    event EventHandler<MqttDisconnectedEventArgs>? Disconnected;

    /// <summary>
    /// A message arrived. Raised one at a time, in the order the broker sent them. With
    /// <see cref="MqttConnectionSettings.ManualAcknowledgement"/> the broker gets the PUBACK only
    /// when the handler's owner calls <see cref="MqttReceivedMessage.AcknowledgeAsync"/>.
    /// </summary>
    event EventHandler<MqttReceivedMessage>? MessageReceived;

    /// <summary>
    /// Connects once; completes on a successful CONNACK and throws <see cref="MqttConnectException"/>
    /// naming the broker and the cause otherwise.
    /// </summary>
    Task ConnectAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Completes when the broker has acknowledged the message (PUBACK for QoS 1; written to the
    /// socket for QoS 0). The payload is read until then, not copied: do not change it before.
    /// Throws <see cref="MqttException"/> when not connected, and faults with it
    /// when the broker rejects the message or the connection drops before the acknowledgement.
    /// Publishes are written in the order of the calls.
    /// </summary>
    Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, int qos, bool retain, CancellationToken cancellationToken);

    /// <summary>Completes on SUBACK; faults when the broker refuses the subscription.</summary>
    Task SubscribeAsync(string topicFilter, int qos, CancellationToken cancellationToken);

    /// <summary>Sends DISCONNECT (so the broker does not publish the will) and closes the connection.</summary>
    Task DisconnectAsync(CancellationToken cancellationToken);
}
