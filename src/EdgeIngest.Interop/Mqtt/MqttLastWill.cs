namespace EdgeIngest.Interop.Mqtt;

/// <summary>
/// The message the broker publishes for the client when the connection drops without a DISCONNECT,
/// e.g. a retained "offline" status.
/// </summary>
public sealed record MqttLastWill(string Topic, ReadOnlyMemory<byte> Payload, int Qos, bool Retain);
