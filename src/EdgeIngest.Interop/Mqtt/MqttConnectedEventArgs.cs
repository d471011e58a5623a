namespace EdgeIngest.Interop.Mqtt;

/// <summary>A successful CONNACK: whether the broker kept a session, and how many publishes it takes in flight.</summary>
public sealed class MqttConnectedEventArgs(bool sessionPresent, int brokerReceiveMaximum) : EventArgs
{
    public bool SessionPresent { get; } = sessionPresent;

    public int BrokerReceiveMaximum { get; } = brokerReceiveMaximum;
}
