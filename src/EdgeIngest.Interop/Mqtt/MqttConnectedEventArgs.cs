namespace EdgeIngest.Interop.Mqtt;

/// <summary>A successful CONNACK. <see cref="IsReconnect"/> is false only for the first connection.</summary>
public sealed class MqttConnectedEventArgs(bool sessionPresent, bool isReconnect) : EventArgs
{
    public bool SessionPresent { get; } = sessionPresent;

    public bool IsReconnect { get; } = isReconnect;
}
